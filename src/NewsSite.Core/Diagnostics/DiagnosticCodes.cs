namespace NewsSite.Diagnostics;

/// <summary>Stable codes, so CI annotations and documentation can refer to a kind of problem.</summary>
public static class DiagnosticCodes
{
    // Files
    public const string InvalidUtf8 = "NS0001";
    public const string FileTooLarge = "NS0002";
    public const string UnreadableFile = "NS0003";
    public const string LinkOutsideSource = "NS0004";
    public const string LinkLoop = "NS0010";
    public const string SpecialFile = "NS0011";
    public const string ScratchFile = "NS0012";
    public const string ActiveFileSkipped = "NS0013";
    public const string SvgSanitized = "NS0014";

    // Front matter and YAML
    public const string MissingFrontMatter = "NS0101";
    public const string UnclosedFrontMatter = "NS0102";
    public const string InvalidYaml = "NS0103";
    public const string DuplicateKey = "NS0104";
    public const string YamlTooComplex = "NS0105";
    public const string FrontMatterNotMapping = "NS0106";

    // Article fields
    public const string MissingField = "NS0201";
    public const string WrongFieldType = "NS0202";
    public const string InvalidDate = "NS0203";
    public const string InvalidKeyPoints = "NS0204";
    public const string InvalidImage = "NS0205";
    public const string UnsafePath = "NS0206";
    public const string TooMany = "NS0207";
    public const string UnknownField = "NS0208";
    public const string PathTooLong = "NS0209";

    // Site model
    public const string DuplicateUrl = "NS0301";
    public const string SlugCollision = "NS0302";
    public const string MissingImageFile = "NS0303";
    public const string UnreadableImage = "NS0304";
    public const string UnlistedSection = "NS0305";
    public const string PictureConverted = "NS0306";

    // Templates
    public const string TemplateSyntax = "NS0401";
    public const string TemplateRuntime = "NS0402";
    public const string MissingTemplate = "NS0403";

    // Configuration
    public const string InvalidConfig = "NS0501";
    public const string UnknownConfigKey = "NS0502";
    public const string MissingConfig = "NS0503";
    public const string CredentialInConfig = "NS0504";

    // Output
    public const string OutputFailure = "NS0601";
    public const string BrokenLink = "NS0602";
    public const string OutputInUse = "NS0603";

    // Markdown bodies
    public const string UnsafeUrl = "NS0701";

    // Deploy
    public const string DeployNotConfigured = "NS0801";
    public const string DeployRefused = "NS0802";
    public const string DeployFailed = "NS0803";

    // The tool itself: a bug, reported where a process must keep running (serve)
    public const string InternalError = "NS0901";
    public const string RawHtmlRemoved = "NS0702";
    public const string EmbedNotAllowed = "NS0703";
    public const string BodyTooComplex = "NS0704";
    public const string ControlCharacter = "NS0705";
}
