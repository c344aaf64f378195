using System;
using System.CommandLine;
using System.IO;
using Compliance.Cli.Syntax;
using Compliance.Engine.Audit.Anchors;
using Compliance.Engine.Audit.Remote;
using Compliance.Engine.Loading;

namespace Compliance.Cli.Commands;

/// <summary>
/// compliance audit anchor --tsa URL [--copy-to DIR]: asks a timestamp authority for an RFC 3161 token over the
/// log's head hash, stores it beside the log (for a shared log, committed to its ref and pushed), and copies it
/// to DIR outside the repository, for 'audit verify --anchors DIR'.
/// </summary>
internal static class AuditAnchorCommand
{
    public static Command Create(TextWriter output, Func<DateTimeOffset> now)
    {
        var anchor = new Command("anchor", "Anchors the log's head hash with an RFC 3161 timestamp authority and stores the token beside the log.")
        {
            CliOptions.Value("--tsa", "URL", "The timestamp authority's URL (RFC 3161 over HTTP; required)."),
            CliOptions.Value("--copy-to", "DIR", "Also write the token to this folder outside the repository."),
            CliOptions.Root(),
        };
        anchor.SetAction(parsed => Run(new ParsedArguments(parsed), output, now));
        return anchor;
    }

    private static int Run(ParsedArguments arguments, TextWriter output, Func<DateTimeOffset> now)
    {
        var root = Roots.Resolve(arguments.Value("--root"));
        var text = arguments.Value("--tsa") ?? throw new UsageException("--tsa is required.");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var tsa) || tsa.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"--tsa takes an http:// or https:// URL, not '{text}'.");
        }

        var copyTo = arguments.Value("--copy-to") is { } folder ? Path.GetFullPath(folder) : null;
        try
        {
            var outcome = AuditAnchoring.AnchorAsync(root, ProgrammeLoader.Load(root).Programme, tsa, copyTo, now).GetAwaiter().GetResult();
            output.WriteLine($"anchored seq {outcome.Head.Seq} {outcome.Head.Hash} in {outcome.StoredAt}{(outcome.CopiedTo is null ? string.Empty : $", copied to {outcome.CopiedTo}")}");
            return 0;
        }
        catch (AnchorException ex)
        {
            output.WriteLine($"compliance: error: {ex.Message}");
            return 1;
        }
        catch (AuditRemoteException ex)
        {
            output.WriteLine(AuditAppendTarget.Failure(ex));
            return 1;
        }
        catch (IOException ex)
        {
            output.WriteLine($"compliance: error: the anchor could not be written: {ex.Message}");
            return 1;
        }
    }
}
