using System;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Compliance.Build;

/// <summary>
/// Runs <c>compliance check --msbuild</c> for the programme. The tool prints every finding as a
/// canonical 'path(line,col): error CODE: message' line, which this task logs as an MSBuild error or
/// warning; a non-zero exit without any error line still fails the build (MSB6006), so a crashed
/// check can never pass. Running the engine in its own process keeps libgit2 out of MSBuild nodes.
/// </summary>
public sealed class ComplianceCheck : ToolTask
{
    /// <summary>The path of compliance.dll, which the dotnet host runs, or of the native (Native AOT) compliance executable, which runs itself.</summary>
    [Required]
    public string CliPath { get; set; } = string.Empty;

    /// <summary>The programme root: the folder that holds controls/, evidence/ and policies/.</summary>
    [Required]
    public string Root { get; set; } = string.Empty;

    /// <summary>YYYY-MM-DD; empty means today in UTC.</summary>
    public string? AsOf { get; set; }

    /// <summary>START..END (ISO dates, inclusive): the audit period reported besides the as-of date; empty for none.</summary>
    public string? Period { get; set; }

    public string? ReportDirectory { get; set; }

    /// <summary>Where the static audit site is rendered (passed as --site); empty renders no site.</summary>
    public string? SiteDirectory { get; set; }

    /// <summary>What the site's "what changed" compares with: a tag, branch, commit or YYYY-MM-DD (passed as --compare-to).</summary>
    public string? SiteCompareTo { get; set; }

    public string? BaaWarningDays { get; set; }

    public string? EvidenceWarningDays { get; set; }

    public string? PolicyWarningDays { get; set; }

    protected override string ToolName => IsManaged ? "dotnet" : "compliance";

    // The summary and the as-of date belong in normal build output, not only in detailed logs.
    protected override MessageImportance StandardOutputLoggingImportance => MessageImportance.High;

    private bool IsManaged => CliPath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);

    protected override string GenerateFullPathToTool()
    {
        if (!IsManaged)
        {
            return Path.GetFullPath(CliPath);
        }

        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host! : ToolName;
    }

    protected override bool ValidateParameters()
    {
        if (!File.Exists(CliPath))
        {
            Log.LogError(null, "CMP1901", null, null, 0, 0, 0, 0, $"The compliance CLI was not found at '{CliPath}'. Fix: build src/Compliance.Cli, or set ComplianceCliPath.");
            return false;
        }

        return base.ValidateParameters();
    }

    protected override string GenerateCommandLineCommands()
    {
        var builder = new CommandLineBuilder();
        if (IsManaged)
        {
            builder.AppendSwitch("exec");
            builder.AppendFileNameIfNotNull(CliPath);
        }

        builder.AppendSwitch("check");
        builder.AppendSwitchIfNotNull("--root ", Root.TrimEnd('/', '\\'));
        builder.AppendSwitch("--msbuild");
        Append(builder, "--as-of ", AsOf);
        Append(builder, "--period ", Period);
        Append(builder, "--report-dir ", ReportDirectory?.TrimEnd('/', '\\'));
        Append(builder, "--site ", SiteDirectory?.TrimEnd('/', '\\'));
        if (!string.IsNullOrWhiteSpace(SiteDirectory))
        {
            Append(builder, "--compare-to ", SiteCompareTo);
        }

        Append(builder, "--baa-warning-days ", BaaWarningDays);
        Append(builder, "--evidence-warning-days ", EvidenceWarningDays);
        Append(builder, "--policy-warning-days ", PolicyWarningDays);
        return builder.ToString();
    }

    private static void Append(CommandLineBuilder builder, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            builder.AppendSwitchIfNotNull(name, value!.Trim());
        }
    }
}
