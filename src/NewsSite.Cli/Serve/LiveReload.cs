using System.Globalization;
using System.Net;
using System.Text;
using NewsSite.Diagnostics;

namespace NewsSite.Cli.Serve;

/// <summary>
/// What serve adds to every HTML response (never to the built files): a small script that listens for build
/// events and reloads the page, and, while the latest build has errors, an overlay that lists them.
/// </summary>
internal static class LiveReload
{
    public const string EventsPath = "/__newssite/events";
    public const string ScriptPath = "/__newssite/live-reload.js";
    public const string OverlayId = "newssite-error-overlay";

    /// <summary>
    /// Reloads on every finished build. The page's build version is compared on connecting, so a build that
    /// finished between loading the page and opening the event stream is not missed.
    /// </summary>
    public const string Script = """
        // newssite serve: live reload. Added by the preview server only; never part of a built site.
        (() => {
          const version = Number(document.currentScript.dataset.version);
          const events = new EventSource("/__newssite/events");
          events.addEventListener("hello", (event) => {
            if (JSON.parse(event.data).version !== version) location.reload();
          });
          events.addEventListener("reload", () => location.reload());
        })();

        """;

    public static string Inject(string html, PreviewSnapshot snapshot)
    {
        var addition = new StringBuilder();
        if (snapshot.Failed)
        {
            addition.Append(Overlay(snapshot.Diagnostics));
        }

        addition.Append(CultureInfo.InvariantCulture, $"<script src=\"{ScriptPath}\" data-version=\"{snapshot.Version}\"></script>\n");
        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return end < 0 ? html + addition : html.Insert(end, addition.ToString());
    }

    /// <summary>A page of its own for when no build has succeeded yet (or none has finished).</summary>
    public static string StatusPage(PreviewSnapshot snapshot)
    {
        var title = snapshot.Failed ? "The site did not build" : "Building the site…";
        return Inject($"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n</head>\n<body>\n<p>{title}</p>\n</body>\n</html>\n", snapshot);
    }

    public static string Overlay(IReadOnlyList<Diagnostic> diagnostics)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<div id=\"{OverlayId}\" role=\"alert\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;background:rgba(24,0,0,.97);color:#fff;font:15px/1.5 ui-monospace,monospace;text-align:left\">\n");
        html.Append("<button type=\"button\" onclick=\"this.parentNode.remove()\" style=\"float:right;font:inherit\">Dismiss</button>\n");
        html.Append("<h2 style=\"color:#ff8a80;margin-top:0\">The last change did not build</h2>\n");
        html.Append("<p>You are looking at the last good build. Fix the problems below and save: the page reloads by itself.</p>\n<ul>\n");
        foreach (var diagnostic in diagnostics)
        {
            var color = diagnostic.IsError ? "#ff8a80" : "#ffd180";
            html.Append(CultureInfo.InvariantCulture, $"<li class=\"newssite-diagnostic\" style=\"color:{color};white-space:pre-wrap\">{WebUtility.HtmlEncode(diagnostic.ToString())}</li>\n");
        }

        return html.Append("</ul>\n</div>\n").ToString();
    }
}
