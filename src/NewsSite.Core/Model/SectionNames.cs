using System.Globalization;
using System.Text;

namespace NewsSite.Model;

/// <summary>How a section's folder name reads in navigation: "world" as "World", "climate-desk" as "Climate Desk".</summary>
internal static class SectionNames
{
    /// <summary>
    /// A name with a capital in it is taken as written; any other is title-cased, hyphens read as spaces.
    /// </summary>
    /// <remarks>
    /// An ASCII name, which almost every folder has, is title-cased here by <c>TextInfo.ToTitleCase</c>'s rules for
    /// ASCII: a word starts at a letter after anything but a letter, a digit or an apostrophe ("3d printing" reads
    /// "3D Printing", "o'neil" reads "O'neil"). <c>ToTitleCase</c> itself opens an ICU collator on its first call,
    /// 24 ms of every build, only to learn how the invariant culture cases ASCII; other names still go to it.
    /// </remarks>
    public static string Display(string name)
    {
        if (name.Any(char.IsUpper))
        {
            return name;
        }

        if (!Ascii.IsValid(name))
        {
            return CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.Replace('-', ' '));
        }

        return string.Create(name.Length, name, static (title, name) =>
        {
            var inWord = false;
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i] == '-' ? ' ' : name[i];
                title[i] = char.IsAsciiLetterLower(c) && !inWord ? char.ToUpperInvariant(c) : c;
                inWord = char.IsAsciiLetter(c) || (inWord && (char.IsAsciiDigit(c) || c == '\''));
            }
        });
    }
}
