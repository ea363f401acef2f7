using System.Text.RegularExpressions;
using NewsSite.Diagnostics;
using NewsSite.Yaml;

namespace NewsSite.Configuration;

/// <summary>Reads the <c>deploy:</c> block of site.yaml; a credential written into it is an error at its line.</summary>
internal static partial class DeployConfigReader
{
    private static readonly string[] Keys = ["bucket", "region", "endpoint", "prefix", "compress", "cache_control"];
    private static readonly string[] CacheControlKeys = ["pages", "fingerprinted", "media"];

    public static DeployConfig? Read(YamlFieldReader reader, YamlNode? node)
    {
        var map = reader.Mapping(node, "deploy");
        if (map is null)
        {
            return null;
        }

        foreach (var (key, _) in map.Entries)
        {
            if (IsCredential(key.Value))
            {
                reader.Error(
                    DiagnosticCodes.CredentialInConfig,
                    $"'deploy.{key.Value}' looks like a credential, and site.yaml is committed to the repository for everyone to read; remove it and set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment (a CI secret), or name a profile with AWS_PROFILE",
                    key);
            }
            else if (!Keys.Contains(key.Value, StringComparer.Ordinal))
            {
                reader.Warning(DiagnosticCodes.UnknownConfigKey, $"unknown setting 'deploy.{key.Value}' is ignored", key);
            }
        }

        var bucket = reader.String(map["bucket"], "bucket")?.Trim();
        if (string.IsNullOrEmpty(bucket))
        {
            reader.Error(DiagnosticCodes.InvalidConfig, "'deploy' needs a 'bucket'", map);
            return null;
        }

        if (!BucketName().IsMatch(bucket) || bucket.Contains("..", StringComparison.Ordinal))
        {
            reader.Error(DiagnosticCodes.InvalidConfig, $"'bucket' must be an S3 bucket name (3 to 63 lowercase letters, digits, '.' and '-'), not '{bucket}'", map["bucket"]!);
            return null;
        }

        return new DeployConfig
        {
            Bucket = bucket,
            Region = ReadRegion(reader, map["region"]),
            Endpoint = ReadEndpoint(reader, map["endpoint"]),
            Prefix = ReadPrefix(reader, map["prefix"]),
            Compression = ReadCompression(reader, map["compress"]),
            CacheControl = ReadCacheControl(reader, map["cache_control"]),
        };
    }

    /// <summary>Key names that hold a secret in AWS's own files and in the S3-compatible services' documentation.</summary>
    private static bool IsCredential(string key)
    {
        var normalized = key.Replace("-", "_", StringComparison.Ordinal).ToLowerInvariant();
        return normalized is "credentials" or "password" or "token" or "session_token" or "aws_session_token" or "profile"
            || normalized.Contains("secret", StringComparison.Ordinal)
            || normalized.Contains("access_key", StringComparison.Ordinal)
            || normalized.Contains("key_id", StringComparison.Ordinal)
            || normalized.Contains("application_key", StringComparison.Ordinal);
    }

    private static string? ReadRegion(YamlFieldReader reader, YamlNode? node)
    {
        var text = reader.String(node, "region")?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!Region().IsMatch(text))
        {
            reader.Error(DiagnosticCodes.InvalidConfig, $"'region' must be a region name such as eu-west-1 (or auto for Cloudflare R2), not '{text}'", node!);
            return null;
        }

        return text;
    }

    private static Uri? ReadEndpoint(YamlFieldReader reader, YamlNode? node)
    {
        var text = reader.String(node, "endpoint")?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || !string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || uri.AbsolutePath != "/")
        {
            reader.Error(DiagnosticCodes.InvalidConfig, $"'endpoint' must be the address of an S3-compatible service such as https://<account>.r2.cloudflarestorage.com, with no path, user or query, not '{text}'", node!);
            return null;
        }

        return uri;
    }

    private static string ReadPrefix(YamlFieldReader reader, YamlNode? node)
    {
        var text = reader.String(node, "prefix")?.Trim().Trim('/');
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var parts = text.Split('/');
        if (parts.Any(part => part is "" or "." or "..") || text.Any(c => char.IsControl(c) || c == '\\'))
        {
            reader.Error(DiagnosticCodes.InvalidConfig, $"'prefix' is a folder in the bucket such as news or sites/news, not '{text}'", node!);
            return "";
        }

        return text + "/";
    }

    private static DeployCompression ReadCompression(YamlFieldReader reader, YamlNode? node)
    {
        var text = reader.String(node, "compress")?.Trim();
        switch (text)
        {
            case null or "" or "none" or "false":
                return DeployCompression.None;
            case "gzip":
                return DeployCompression.Gzip;
            case "br":
                return DeployCompression.Brotli;
            default:
                reader.Error(DiagnosticCodes.InvalidConfig, $"'compress' must be none, gzip or br, not '{text}'", node!);
                return DeployCompression.None;
        }
    }

    private static CacheControlConfig ReadCacheControl(YamlFieldReader reader, YamlNode? node)
    {
        var map = reader.Mapping(node, "cache_control");
        if (map is null)
        {
            return new CacheControlConfig();
        }

        foreach (var (key, _) in map.Entries)
        {
            if (!CacheControlKeys.Contains(key.Value, StringComparer.Ordinal))
            {
                reader.Warning(DiagnosticCodes.UnknownConfigKey, $"unknown setting 'deploy.cache_control.{key.Value}' is ignored (use pages, fingerprinted or media)", key);
            }
        }

        var defaults = new CacheControlConfig();
        return new CacheControlConfig
        {
            Pages = HeaderValue(reader, map["pages"], "pages") ?? defaults.Pages,
            Fingerprinted = HeaderValue(reader, map["fingerprinted"], "fingerprinted") ?? defaults.Fingerprinted,
            Media = HeaderValue(reader, map["media"], "media") ?? defaults.Media,
        };
    }

    /// <summary>A header value is printable ASCII: a newline in it would end the header.</summary>
    private static string? HeaderValue(YamlFieldReader reader, YamlNode? node, string field)
    {
        var text = reader.String(node, field)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Any(c => c is < ' ' or > '~'))
        {
            reader.Error(DiagnosticCodes.InvalidConfig, $"'cache_control.{field}' must be a Cache-Control value such as \"public, max-age=300\" (printable ASCII on one line)", node!);
            return null;
        }

        return text;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketName();

    [GeneratedRegex("^[a-z0-9-]{2,32}$")]
    private static partial Regex Region();
}
