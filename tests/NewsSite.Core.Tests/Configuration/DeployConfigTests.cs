using NewsSite.Configuration;
using NewsSite.Diagnostics;

namespace NewsSite.Tests.Configuration;

public sealed class DeployConfigTests
{
    [Fact]
    public void A_site_without_a_deploy_block_has_no_target()
    {
        Assert.Null(Parse("title: T\n", out _)!.Deploy);
    }

    [Fact]
    public void The_deploy_block_is_read_with_the_prefix_as_a_folder_and_defaults_for_the_rest()
    {
        var config = Parse("title: T\ndeploy:\n  bucket: news-site\n  region: auto\n  endpoint: https://abc.r2.cloudflarestorage.com\n  prefix: /sites/news/\n  compress: br\n  cache_control:\n    pages: public, max-age=60\n", out var bag)!;

        Assert.Empty(bag.ToSortedList());
        var deploy = config.Deploy!;
        Assert.Equal("news-site", deploy.Bucket);
        Assert.Equal("auto", deploy.Region);
        Assert.Equal(new Uri("https://abc.r2.cloudflarestorage.com/"), deploy.Endpoint);
        Assert.Equal("sites/news/", deploy.Prefix);
        Assert.Equal(DeployCompression.Brotli, deploy.Compression);
        Assert.Equal("public, max-age=60", deploy.CacheControl.Pages);
        Assert.Equal("public, max-age=31536000, immutable", deploy.CacheControl.Fingerprinted);
        Assert.Equal("public, max-age=86400", deploy.CacheControl.Media);
    }

    [Theory]
    [InlineData("access_key_id")]
    [InlineData("aws_secret_access_key")]
    [InlineData("secret-key")]
    [InlineData("session_token")]
    [InlineData("application_key")]
    public void A_credential_in_site_yaml_is_an_error_at_its_key(string key)
    {
        Assert.Null(Parse($"title: T\ndeploy:\n  bucket: news-site\n  {key}: AKIAEXAMPLE\n", out var bag));

        Assert.Equal(
            $"site.yaml:4:3: error NS0504: 'deploy.{key}' looks like a credential, and site.yaml is committed to the repository for everyone to read; remove it and set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment (a CI secret), or name a profile with AWS_PROFILE",
            Assert.Single(bag.ToSortedList()).ToString());
    }

    [Theory]
    [InlineData("bucket: Not_A_Bucket", "site.yaml:3:11: error NS0501: 'bucket' must be an S3 bucket name (3 to 63 lowercase letters, digits, '.' and '-'), not 'Not_A_Bucket'")]
    [InlineData("bucket: b1b\n  endpoint: ftp://x.example", "site.yaml:4:13: error NS0501: 'endpoint' must be the address of an S3-compatible service such as https://<account>.r2.cloudflarestorage.com, with no path, user or query, not 'ftp://x.example'")]
    [InlineData("bucket: b1b\n  prefix: a/../b", "site.yaml:4:11: error NS0501: 'prefix' is a folder in the bucket such as news or sites/news, not 'a/../b'")]
    [InlineData("bucket: b1b\n  compress: zstd", "site.yaml:4:13: error NS0501: 'compress' must be none, gzip or br, not 'zstd'")]
    [InlineData("region: eu-west-1", "site.yaml:3:3: error NS0501: 'deploy' needs a 'bucket'")]
    public void A_wrong_deploy_setting_is_an_error_at_its_value(string block, string expected)
    {
        Assert.Null(Parse($"title: T\ndeploy:\n  {block}\n", out var bag));

        Assert.Equal(expected, Assert.Single(bag.ToSortedList()).ToString());
    }

    [Fact]
    public void An_unknown_deploy_setting_is_a_warning()
    {
        Assert.NotNull(Parse("title: T\ndeploy:\n  bucket: b1b\n  acl: public-read\n", out var bag));
        Assert.Equal("site.yaml:4:3: warning NS0502: unknown setting 'deploy.acl' is ignored", Assert.Single(bag.ToSortedList()).ToString());
    }

    private static SiteConfig? Parse(string yaml, out DiagnosticBag bag)
    {
        bag = new DiagnosticBag();
        return SiteConfigReader.Parse(yaml, bag);
    }
}
