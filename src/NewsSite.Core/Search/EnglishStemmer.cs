using System.Collections.Frozen;
using System.Text;

namespace NewsSite.Search;

/// <summary>
/// The Porter2 ("Snowball English") stemming algorithm by Martin Porter, written from its published description.
/// <c>stem</c> in <c>assets/search.js</c> is a line-by-line port; a browser test checks that both give the same
/// stem for every word of a vocabulary. Only words of ASCII letters and apostrophes are stemmed; anything else
/// (numbers, other scripts) is returned as it is, on both sides.
/// </summary>
internal static class EnglishStemmer
{
    private static readonly FrozenDictionary<string, string> Exceptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["skis"] = "ski", ["skies"] = "sky", ["dying"] = "die", ["lying"] = "lie", ["tying"] = "tie",
        ["idly"] = "idl", ["gently"] = "gentl", ["ugly"] = "ugli", ["early"] = "earli", ["only"] = "onli",
        ["singly"] = "singl", ["sky"] = "sky", ["news"] = "news", ["howe"] = "howe", ["atlas"] = "atlas",
        ["cosmos"] = "cosmos", ["bias"] = "bias", ["andes"] = "andes",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> AfterStep1a = new[]
    {
        "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Longest suffix first within each list, so the first match is the longest one.
    private static readonly (string Suffix, string Replacement)[] Step2Rules =
    [
        ("ization", "ize"), ("ational", "ate"), ("fulness", "ful"), ("ousness", "ous"), ("iveness", "ive"),
        ("tional", "tion"), ("biliti", "ble"), ("lessli", "less"), ("entli", "ent"), ("ation", "ate"),
        ("alism", "al"), ("aliti", "al"), ("ousli", "ous"), ("iviti", "ive"), ("fulli", "ful"), ("enci", "ence"),
        ("anci", "ance"), ("abli", "able"), ("izer", "ize"), ("ator", "ate"), ("alli", "al"), ("bli", "ble"),
        ("ogi", "og"), ("li", ""),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3Rules =
    [
        ("ational", "ate"), ("tional", "tion"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"), ("ative", ""),
        ("ical", "ic"), ("ness", ""), ("ful", ""),
    ];

    private static readonly string[] Step4Suffixes =
    [
        "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion",
        "al", "er", "ic",
    ];

    public static string Stem(string word)
    {
        if (Exceptions.TryGetValue(word, out var exception))
        {
            return exception;
        }

        if (word.Length < 3 || !IsStemmable(word))
        {
            return word;
        }

        var w = new StringBuilder(word);
        if (w[0] == '\'')
        {
            w.Remove(0, 1);
        }

        MarkConsonantY(w);
        var (r1, r2) = Regions(w);

        Step0(w);
        Step1a(w);
        if (AfterStep1a.Contains(w.ToString()))
        {
            return w.ToString();
        }

        Step1b(w, r1);
        Step1c(w);
        Step2(w, r1);
        Step3(w, r1, r2);
        Step4(w, r2);
        Step5(w, r1, r2);
        return w.ToString().Replace('Y', 'y');
    }

    /// <summary>Only words of a-z and apostrophes are English enough to stem.</summary>
    public static bool IsStemmable(string word)
    {
        foreach (var ch in word)
        {
            if (ch is not ((>= 'a' and <= 'z') or '\''))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsVowel(char ch) => ch is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    /// <summary>An initial y, and a y after a vowel, act as consonants: they become Y until the end.</summary>
    private static void MarkConsonantY(StringBuilder w)
    {
        if (w.Length > 0 && w[0] == 'y')
        {
            w[0] = 'Y';
        }

        for (var i = 1; i < w.Length; i++)
        {
            if (w[i] == 'y' && IsVowel(w[i - 1]))
            {
                w[i] = 'Y';
            }
        }
    }

    /// <summary>R1 starts after the first non-vowel that follows a vowel; R2 is the same rule applied inside R1.</summary>
    private static (int R1, int R2) Regions(StringBuilder w)
    {
        var text = w.ToString();
        int r1;
        if (text.StartsWith("gener", StringComparison.Ordinal) || text.StartsWith("arsen", StringComparison.Ordinal))
        {
            r1 = 5;
        }
        else if (text.StartsWith("commun", StringComparison.Ordinal))
        {
            r1 = 6;
        }
        else
        {
            r1 = RegionAfter(w, 0);
        }

        return (r1, RegionAfter(w, r1));
    }

    private static int RegionAfter(StringBuilder w, int start)
    {
        for (var i = start + 1; i < w.Length; i++)
        {
            if (!IsVowel(w[i]) && IsVowel(w[i - 1]))
            {
                return i + 1;
            }
        }

        return w.Length;
    }

    private static bool EndsWith(StringBuilder w, string suffix)
    {
        if (w.Length < suffix.Length)
        {
            return false;
        }

        var offset = w.Length - suffix.Length;
        for (var i = 0; i < suffix.Length; i++)
        {
            if (w[offset + i] != suffix[i])
            {
                return false;
            }
        }

        return true;
    }

    private static void Replace(StringBuilder w, int suffixLength, string replacement)
    {
        w.Length -= suffixLength;
        w.Append(replacement);
    }

    private static bool HasVowelBefore(StringBuilder w, int end)
    {
        for (var i = 0; i < end; i++)
        {
            if (IsVowel(w[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A short syllable ends at <paramref name="end"/>: non-vowel, vowel, non-vowel other than w, x or Y; or a
    /// vowel at the start of the word followed by a non-vowel.
    /// </summary>
    private static bool EndsInShortSyllable(StringBuilder w, int end)
    {
        if (end >= 3 && !IsVowel(w[end - 3]) && IsVowel(w[end - 2]) && !IsVowel(w[end - 1]) && w[end - 1] is not ('w' or 'x' or 'Y'))
        {
            return true;
        }

        return end == 2 && IsVowel(w[0]) && !IsVowel(w[1]);
    }

    private static void Step0(StringBuilder w)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["'s'", "'s", "'"])
        {
            if (EndsWith(w, suffix))
            {
                w.Length -= suffix.Length;
                return;
            }
        }
    }

    private static void Step1a(StringBuilder w)
    {
        if (EndsWith(w, "sses"))
        {
            Replace(w, 4, "ss");
        }
        else if (EndsWith(w, "ied") || EndsWith(w, "ies"))
        {
            Replace(w, 3, w.Length > 4 ? "i" : "ie");
        }
        else if (EndsWith(w, "us") || EndsWith(w, "ss"))
        {
            // kept as they are
        }
        else if (EndsWith(w, "s") && HasVowelBefore(w, w.Length - 2))
        {
            w.Length -= 1;
        }
    }

    private static void Step1b(StringBuilder w, int r1)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["eedly", "eed"])
        {
            if (EndsWith(w, suffix))
            {
                if (w.Length - suffix.Length >= r1)
                {
                    Replace(w, suffix.Length, "ee");
                }

                return;
            }
        }

        foreach (var suffix in (ReadOnlySpan<string>)["ingly", "edly", "ing", "ed"])
        {
            if (!EndsWith(w, suffix))
            {
                continue;
            }

            if (!HasVowelBefore(w, w.Length - suffix.Length))
            {
                return;
            }

            w.Length -= suffix.Length;
            if (EndsWith(w, "at") || EndsWith(w, "bl") || EndsWith(w, "iz"))
            {
                w.Append('e');
            }
            else if (EndsInDouble(w))
            {
                w.Length -= 1;
            }
            else if (w.Length == r1 && EndsInShortSyllable(w, w.Length))
            {
                w.Append('e');
            }

            return;
        }
    }

    private static bool EndsInDouble(StringBuilder w) =>
        w.Length >= 2 && w[^1] == w[^2] && w[^1] is ('b' or 'd' or 'f' or 'g' or 'm' or 'n' or 'p' or 'r' or 't');

    private static void Step1c(StringBuilder w)
    {
        if (w.Length > 2 && w[^1] is ('y' or 'Y') && !IsVowel(w[^2]))
        {
            w[^1] = 'i';
        }
    }

    private static void Step2(StringBuilder w, int r1)
    {
        foreach (var (suffix, replacement) in Step2Rules)
        {
            if (!EndsWith(w, suffix))
            {
                continue;
            }

            var start = w.Length - suffix.Length;
            if (start < r1)
            {
                return;
            }

            if (suffix == "ogi" && (start == 0 || w[start - 1] != 'l'))
            {
                return;
            }

            if (suffix == "li" && (start == 0 || w[start - 1] is not ('c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't')))
            {
                return;
            }

            Replace(w, suffix.Length, replacement);
            return;
        }
    }

    private static void Step3(StringBuilder w, int r1, int r2)
    {
        foreach (var (suffix, replacement) in Step3Rules)
        {
            if (!EndsWith(w, suffix))
            {
                continue;
            }

            var start = w.Length - suffix.Length;
            if (start >= r1 && (suffix != "ative" || start >= r2))
            {
                Replace(w, suffix.Length, replacement);
            }

            return;
        }
    }

    private static void Step4(StringBuilder w, int r2)
    {
        foreach (var suffix in Step4Suffixes)
        {
            if (!EndsWith(w, suffix))
            {
                continue;
            }

            var start = w.Length - suffix.Length;
            if (start < r2)
            {
                return;
            }

            if (suffix == "ion" && (start == 0 || w[start - 1] is not ('s' or 't')))
            {
                return;
            }

            w.Length = start;
            return;
        }
    }

    private static void Step5(StringBuilder w, int r1, int r2)
    {
        if (EndsWith(w, "e"))
        {
            var start = w.Length - 1;
            if (start >= r2 || (start >= r1 && !EndsInShortSyllable(w, start)))
            {
                w.Length = start;
            }
        }
        else if (EndsWith(w, "l"))
        {
            var start = w.Length - 1;
            if (start >= r2 && start > 0 && w[start - 1] == 'l')
            {
                w.Length = start;
            }
        }
    }
}
