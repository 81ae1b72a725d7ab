using System.Globalization;
using System.Text;

namespace Codebook.Generation
{
    /// <summary>
    /// Turns catalogue text into C# string literals and XML doc text that can never break out of their place:
    /// every quote, backslash, line break, control, format (bidi, zero-width) or lone surrogate is escaped.
    /// </summary>
    internal static class Literals
    {
        public static string String(string value)
        {
            var builder = new StringBuilder(value.Length + 2).Append('"');
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                        {
                            builder.Append(c).Append(value[++i]);
                        }
                        else if (NeedsEscape(c))
                        {
                            builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }
                        break;
                }
            }
            return builder.Append('"').ToString();
        }

        /// <summary>Text for a <c>///</c> comment: XML-escaped, on one line.</summary>
        public static string Doc(string value)
        {
            var builder = new StringBuilder(value.Length);
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                switch (c)
                {
                    case '&': builder.Append("&amp;"); break;
                    case '<': builder.Append("&lt;"); break;
                    case '>': builder.Append("&gt;"); break;
                    default:
                        if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                        {
                            builder.Append(c).Append(value[++i]);
                        }
                        else if (NeedsEscape(c))
                        {
                            builder.Append(' ');
                        }
                        else
                        {
                            builder.Append(c);
                        }
                        break;
                }
            }
            return builder.ToString();
        }

        private static bool NeedsEscape(char c)
        {
            if (c < ' ' || c == '\u007F' || char.IsSurrogate(c))
            {
                return true;
            }
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            return category is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Control || c == '\u0085';
        }
    }
}
