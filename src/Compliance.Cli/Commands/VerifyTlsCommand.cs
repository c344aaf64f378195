using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Compliance.Cli.Syntax;
using Compliance.Engine.Audit;
using Compliance.Engine.Encryption;
using Compliance.Engine.Loading;
using Compliance.Engine.Reports;

namespace Compliance.Cli.Commands;

/// <summary>
/// compliance verify-tls https://host[:port] [--endpoint ID] [--ca-file PEM] [--collector job:NAME|PERSON]
///                       [--artifact-file FILE --signature FILE --public-key PEM --signer NAME] [--timeout SECONDS] [--root DIR]
/// Performs a real TLS handshake, records what was negotiated (and the artifact signature check) as
/// evidence of the endpoint's evidence requirement, and appends an audit event. Exit 1 when the
/// handshake fails, negotiates less than TLS 1.2, or the signature does not verify.
/// </summary>
public static class VerifyTlsCommand
{
    public static Command Create(TextWriter output, Func<DateTimeOffset> now)
    {
        var url = new Argument<string>("URL") { Description = "The endpoint's https://host[:port] URL.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("verify-tls", "Performs a real TLS handshake and records what was negotiated as the endpoint's evidence, with an audit event. Exit 1 below TLS 1.2, on a failed handshake or a bad signature.")
        {
            url,
            CliOptions.Value("--endpoint", "ID", "The declared endpoint (default: the one whose URL this is)."),
            CliOptions.Value("--ca-file", "PEM", "Trust only the certificates in this PEM file."),
            CliOptions.Value("--collector", "job:NAME|PERSON", "Who collects the evidence (default: job:verify-tls)."),
            CliOptions.Value("--artifact-file", "FILE", "Also verify this artifact's signature (needs --signature, --public-key and --signer)."),
            CliOptions.Value("--signature", "FILE", "The artifact's detached signature."),
            CliOptions.Value("--public-key", "PEM", "The signer's public key."),
            CliOptions.Value("--signer", "NAME", "The signer's identity."),
            CliOptions.Value("--timeout", "SECONDS", "How long the handshake may take (default: 15)."),
            CliOptions.Root(),
        };
        command.SetAction(parsed => Execute(parsed.GetValue(url), new ParsedArguments(parsed), output, now));
        return command;
    }

    public static int Run(IReadOnlyList<string> args, TextWriter output, Func<DateTimeOffset> now) =>
        CommandInvoker.Run(Create(output, now), args);

    private static int Execute(string? given, ParsedArguments arguments, TextWriter output, Func<DateTimeOffset> now)
    {
        var target = given ?? throw new UsageException("verify-tls takes the endpoint's https:// URL.");
        if (!Uri.TryCreate(target, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            throw new UsageException($"verify-tls takes an https:// URL, not '{target}'.");
        }

        var root = Roots.Resolve(arguments.Value("--root"));
        var programme = ProgrammeLoader.Load(root);
        var endpoints = programme.Programme?.Endpoints.ToList() ?? new List<Model.Documents.EndpointDefinition>();
        var endpoint = arguments.Value("--endpoint") is { } id
            ? endpoints.FirstOrDefault(e => e.Id.Value == id) ?? throw new UsageException($"No endpoint '{id}' is declared under programme.endpoints.")
            : endpoints.FirstOrDefault(e => Uri.TryCreate(e.Url, UriKind.Absolute, out var declared) && Uri.Compare(declared, url, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
              ?? throw new UsageException($"'{url}' is not a declared endpoint: add it under programme.endpoints in controls/programme.yaml, or pass --endpoint ID.");

        var collector = arguments.Value("--collector") ?? "job:verify-tls";
        var stamp = now();
        if (Actors.Refusal(root, collector, DateOnly.FromDateTime(stamp.UtcDateTime)) is { } refusal)
        {
            output.WriteLine(refusal);
            return 1;
        }

        var roots = arguments.Value("--ca-file") is { } caFile ? LoadRoots(caFile) : null;
        var timeout = TimeSpan.FromSeconds(arguments.Int("--timeout", 15));
        var record = TlsVerifier.VerifyAsync(endpoint.Id.Value, url, roots, stamp, timeout).GetAwaiter().GetResult();
        if (arguments.Value("--artifact-file") is { } artifactFile)
        {
            var signature = arguments.Value("--signature") ?? throw new UsageException("--artifact-file needs --signature.");
            var publicKey = arguments.Value("--public-key") ?? throw new UsageException("--artifact-file needs --public-key.");
            var signer = arguments.Value("--signer") ?? throw new UsageException("--artifact-file needs --signer (the signer's identity).");
            record = record with { Signature = ArtifactSignature.Verify(artifactFile, ReadSignature(signature), File.ReadAllText(publicKey), signer) };
        }

        var evidence = WriteEvidence(root, endpoint, record, collector, stamp);
        var fields = new Dictionary<string, string>
        {
            ["endpoint"] = endpoint.Id.Value,
            ["succeeded"] = record.Succeeded ? "true" : "false",
            ["protocol"] = record.Protocol ?? "none",
            ["cipher"] = record.Cipher ?? "none",
            ["evidence"] = evidence,
        };
        if (record.Signature is { } check)
        {
            fields["signature-verified"] = check.Verified ? "true" : "false";
            fields["signer"] = check.Signer;
        }

        AuditLog.ForRoot(root).Append("encryption-verified", collector, record.Signature?.Artifact, fields, now);

        var ok = record.Succeeded && record.ProtocolAcceptable && record.Signature?.Verified != false;
        output.WriteLine(record.Succeeded
            ? $"{endpoint.Id.Value}: {url} negotiated {record.Protocol} with {record.Cipher}{(record.ProtocolAcceptable ? string.Empty : " (below TLS 1.2)")}"
            : $"{endpoint.Id.Value}: {url} handshake failed: {record.Error}");
        if (record.Signature is { } result)
        {
            output.WriteLine($"{endpoint.Id.Value}: artifact {result.Artifact} signature by '{result.Signer}' {(result.Verified ? "verified" : $"FAILED: {result.Error}")}");
        }

        output.WriteLine($"recorded {evidence}");
        return ok ? 0 : 1;
    }

    private static X509Certificate2Collection LoadRoots(string path)
    {
        var collection = new X509Certificate2Collection();
        collection.ImportFromPemFile(path);
        return collection.Count > 0 ? collection : throw new UsageException($"--ca-file '{path}' holds no PEM certificate.");
    }

    private static byte[] ReadSignature(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var text = Encoding.ASCII.GetString(bytes).Trim();
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return bytes;
        }
    }

    /// <summary>Writes the verification and its sidecar as new files; existing evidence is never overwritten.</summary>
    private static string WriteEvidence(string root, Model.Documents.EndpointDefinition endpoint, TlsVerificationRecord record, string collector, DateTimeOffset stamp)
    {
        var parts = endpoint.Evidence.Value.Split('/');
        var folder = $"evidence/verifications/{endpoint.Id.Value}";
        var name = $"{stamp.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}.json";
        for (var n = 2; File.Exists(Path.Combine(root, folder, name)); n++)
        {
            name = $"{stamp.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{n}.json";
        }

        var json = record.ToJson();
        AtomicFile.WriteAllText(Path.Combine(root, folder, name), json);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        AtomicFile.WriteAllText(Path.Combine(root, folder, name + ProgrammeLoader.SidecarSuffix), $"""
            evidence:
              artifact: {name}
              control: {parts[0]}
              requirement: {parts[1]}
              collected_on: {stamp.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}
              collector: {collector}
              sha256: {sha}
              type: tls-verification
              endpoint: {endpoint.Id.Value}
              description: TLS handshake with {record.Url} by compliance verify-tls.

            """);
        return $"{folder}/{name}";
    }
}
