namespace Compliance.Generator.Pipeline;

/// <summary>Tracking names of the incremental steps; tests assert that each is cached across unrelated edits.</summary>
public static class StepNames
{
    public const string Options = nameof(Options);
    public const string ProgrammeFiles = nameof(ProgrammeFiles);
    public const string ParsedFiles = nameof(ParsedFiles);
    public const string LinkedProgramme = nameof(LinkedProgramme);
    public const string Findings = nameof(Findings);
    public const string RequirementsLayout = nameof(RequirementsLayout);
    public const string RequirementsSource = nameof(RequirementsSource);
    public const string FrameworkRequirementsSource = nameof(FrameworkRequirementsSource);
    public const string ControlsLayout = nameof(ControlsLayout);
    public const string ControlsSource = nameof(ControlsSource);
    public const string ControlFilesSource = nameof(ControlFilesSource);
    public const string RegistriesSource = nameof(RegistriesSource);
    public const string ProgrammeSource = nameof(ProgrammeSource);

    public static readonly string[] All =
    {
        Options, ProgrammeFiles, ParsedFiles, LinkedProgramme, Findings,
        RequirementsLayout, RequirementsSource, FrameworkRequirementsSource, ControlsLayout, ControlsSource, ControlFilesSource, RegistriesSource, ProgrammeSource,
    };
}
