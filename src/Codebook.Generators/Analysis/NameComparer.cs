using System.Collections.Generic;

namespace Codebook.Analysis
{
    /// <summary>
    /// How names in the user's code meet catalogue tokens: case-insensitive, '_' and '-' ignored, so CANCEL, Cancel,
    /// SET_PARAMETER and SetParameter, or "WWW-Authenticate" and WwwAuthenticate, are one name. Compares in place
    /// instead of building normalized copies, since it runs on every string a member body mentions.
    /// </summary>
    internal sealed class NameComparer : IEqualityComparer<string>
    {
        public static readonly NameComparer Instance = new();

        public bool Equals(string? x, string? y)
        {
            if (x is null || y is null)
            {
                return ReferenceEquals(x, y);
            }
            int i = 0, j = 0;
            while (true)
            {
                i = SkipIgnored(x, i);
                j = SkipIgnored(y, j);
                if (i == x.Length || j == y.Length)
                {
                    return i == x.Length && j == y.Length;
                }
                if (Lower(x[i]) != Lower(y[j]))
                {
                    return false;
                }
                i++;
                j++;
            }
        }

        public int GetHashCode(string name)
        {
            unchecked
            {
                var hash = (int)2166136261;
                foreach (var c in name)
                {
                    if (!IsIgnored(c))
                    {
                        hash = (hash ^ Lower(c)) * 16777619;
                    }
                }
                return hash;
            }
        }

        private static bool IsIgnored(char c) => c is '_' or '-';

        // Names are nearly always ASCII: lower those directly, the rest as the invariant culture does.
        private static char Lower(char c) => c < 128 ? (c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);

        private static int SkipIgnored(string text, int index)
        {
            while (index < text.Length && IsIgnored(text[index]))
            {
                index++;
            }
            return index;
        }
    }
}
