using System.Globalization;
using System.Text;

namespace NewsSite.Model;

/// <summary>How a section's folder name reads in navigation: "world" as "World", "climate-desk" as "Climate Desk".</summary>
internal static class SectionNames
{
    /// <summary>
    /// A name with a capital in it is taken as written; any other is title-cased, hyphens read as spaces.
    /// </summary>
    public static string Display(string name)
    {
        if (name.Any(char.IsUpper))
        {
            return name;
        }

        return CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.Replace('-', ' '));
    }
}
