using NewsSite.Caching;

namespace NewsSite.Templates;

/// <summary>
/// A hash of everything a teaser shows: the list pages, neighbours and related lists that show a teaser are
/// unchanged when its key is. Built from the fields themselves, which is cheaper than serialising each teaser; a
/// test varies every field of every view a teaser holds and requires a new key.
/// </summary>
internal static class TeaserKey
{
    public static Hash128 Of(TeaserView teaser)
    {
        var key = new ContentHash.Builder()
            .Add(teaser.Headline)
            .Add(teaser.Url)
            .Add(teaser.Summary)
            .Add(teaser.Date.Iso)
            .Add(teaser.Date.Display)
            .Add(teaser.Date.Day)
            .Add(teaser.Date.Time);
        Add(key, teaser.Section);
        key.Add(teaser.Authors.Count);
        foreach (var author in teaser.Authors)
        {
            Add(key, author);
        }

        if (teaser.Image is { } image)
        {
            key.Add(1).Add(image.Url).Add(image.Alt).Add(image.Caption).Add(image.Credit).Add(image.Width.HasValue ? 1 : 0).Add(image.Width ?? 0).Add(image.Height.HasValue ? 1 : 0).Add(image.Height ?? 0)
                .Add(image.Srcset).Add(image.WebpSrcset);
        }
        else
        {
            key.Add(0);
        }

        key.Add(teaser.Draft ? 1 : 0);
        if (teaser.GoesLive is { } goesLive)
        {
            key.Add(1).Add(goesLive.Iso).Add(goesLive.Display).Add(goesLive.Day).Add(goesLive.Time);
        }
        else
        {
            key.Add(0);
        }

        return key.Finish();
    }

    private static void Add(ContentHash.Builder key, LinkView? link)
    {
        if (link is null)
        {
            key.Add(0);
            return;
        }

        key.Add(1).Add(link.Name).Add(link.Url).Add(link.Count).Add(link.Current ? 1 : 0);
    }
}
