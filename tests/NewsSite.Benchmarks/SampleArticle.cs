using System.Text;

namespace NewsSite.Benchmarks;

/// <summary>A news article shaped like the shared bench corpus: long front matter, ~900 words of body.</summary>
internal static class SampleArticle
{
    public static string Text { get; } = Build();

    private static string Build()
    {
        var text = new StringBuilder("""
            ---
            headline: A Think Tank Announced Deal as Regional Network Warns
            date: 2025-03-04T07:16:00+05:30
            section: world
            authors: [Oscar Gupta, Pablo Iyer]
            tags: [Pakistan, Climate Change, Philippines, Museums, Public Health]
            dateline: Islamabad
            summary: On Thursday, officials told reporters that the limited review would be challenged before the end of November.
            key_points:
              - label: Sweeping Network
                text: "Commuters expect the tariff to cost about 818 million dollars over 2 years, a figure the regulator has not disputed."
              - label: Urgent Match
                text: It is the largest such ceasefire this year, and exporters say the season remains *record*.
              - label: Ambitious Loan
                text: On Thursday, officials told reporters that the cautious review would be debated before the end of August.
              - label: Limited Pipeline
                text: It is the largest such talks this year, and researchers say the study remains urgent.
            ---

            """);
        for (var section = 0; section < 4; section++)
        {
            text.Append("## Subheading number ").Append(section).Append("\n\n");
            for (var paragraph = 0; paragraph < 3; paragraph++)
            {
                text.Append("The report comes after 7 *farmers* extended a record crisis that had stalled since August 2021. ")
                    .Append("Farmers expect the inquiry to cost about 551 million dollars over 6 years — a figure the chamber has not disputed. ")
                    .Append("A [spokesperson](https://example.org/x) said the quiet framework was \"long overdue\". ")
                    .Append("The tariff comes after 40 regulators proposed a fragile loan that had stalled since August 2024. ")
                    .Append("The workers' union rejected the record launch on Tuesday, saying it would affect 6 per cent of regulators.\n\n");
            }
        }

        text.Append("> A quotation from someone involved, with **emphasis**.\n>\n> — Someone\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        return text.ToString();
    }
}
