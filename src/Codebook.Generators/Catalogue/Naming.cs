using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Codebook.Catalogue
{
    internal static class Naming
    {
        /// <summary>
        /// "Request-URI Too Long" -> RequestUriTooLong, "OK" -> Ok, "SET_PARAMETER" -> SetParameter: every run of
        /// letters and digits becomes a word with its first letter upper case and the rest lower case; apostrophes
        /// vanish inside a word. Invariant casing, so the result does not depend on the build machine's culture.
        /// </summary>
        public static string ToPascalCase(string text)
        {
            var builder = new StringBuilder(text.Length);
            var startOfWord = true;
            foreach (var c in text)
            {
                if (char.IsLetterOrDigit(c))
                {
                    builder.Append(startOfWord ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
                    startOfWord = false;
                }
                else if (c != '\'' && c != '\u2019')
                {
                    startOfWord = true;
                }
            }
            if (builder.Length > 0 && char.IsDigit(builder[0]))
            {
                builder.Insert(0, '_');
            }
            return builder.ToString();
        }

        /// <summary>A name C# accepts as written, without '@': no reserved keyword.</summary>
        public static bool IsIdentifier(string name) =>
            SyntaxFacts.IsValidIdentifier(name) && !ReservedKeywords.Contains(name);

        /// <summary>
        /// C#'s reserved keywords (NamingTests holds this to Roslyn's list). A set rather than Roslyn's keyword
        /// switch: that one is compiled to machine code on first use, a few milliseconds of every fresh build.
        /// </summary>
        internal static readonly HashSet<string> ReservedKeywords = new(StringComparer.Ordinal)
        {
            "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
            "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
            "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
            "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
            "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
            "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
            "using", "virtual", "void", "volatile", "while", "__arglist", "__makeref", "__reftype", "__refvalue",
        };

        /// <summary>Protocol keys are lower-case: 'sip', 'gb28181', 'my-rtsp'.</summary>
        public static bool IsProtocolKey(string key)
        {
            if (key.Length == 0 || key[0] < 'a' || key[0] > 'z')
            {
                return false;
            }
            foreach (var c in key)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
                {
                    return false;
                }
            }
            return true;
        }

        public static bool IsNamespace(string name)
        {
            foreach (var part in name.Split('.'))
            {
                if (!IsIdentifier(part) || part == "global")
                {
                    return false;
                }
            }
            return true;
        }
    }
}
