using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Compliance.Engine.Encryption;
using Compliance.Model.Documents;
using Compliance.Model.Linking;

namespace Compliance.Engine.Collection.Builtin;

/// <summary>
/// builtin: tls. A real handshake (the same <see cref="TlsVerifier"/> as 'verify-tls') with every declared
/// endpoint whose evidence is this requirement; each record is an artifact of type tls-verification. A
/// failed handshake is recorded too: it is the verification's result, and the encryption check judges it.
/// </summary>
public static class TlsCollector
{
    public static BuiltinResult Collect(string root, LinkedProgramme programme, PlannedCollection item, DateTimeOffset now)
    {
        var endpoints = (programme.Programme?.Endpoints.AsEnumerable() ?? Array.Empty<EndpointDefinition>())
            .Where(e => e.Evidence.Value == item.Key)
            .OrderBy(e => e.Id.Value, StringComparer.Ordinal)
            .ToList();
        if (endpoints.Count == 0)
        {
            return BuiltinResult.Failed($"no endpoint under programme.endpoints names '{item.Key}' as its evidence, so there is nothing to verify.");
        }

        X509Certificate2Collection? roots = null;
        if (item.Collector.CaFile is { } caFile)
        {
            var path = Path.GetFullPath(Path.Combine(root, caFile.Value));
            if (!path.StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || FileKind.Of(path) != FileKindValue.Regular)
            {
                return BuiltinResult.Failed($"its ca_file '{caFile.Value}' is not a regular file inside the repository.");
            }

            roots = new X509Certificate2Collection();
            try
            {
                roots.ImportFromPemFile(path);
            }
            catch (CryptographicException ex)
            {
                return BuiltinResult.Failed($"its ca_file '{caFile.Value}' could not be read as PEM certificates: {ex.Message}");
            }

            if (roots.Count == 0)
            {
                return BuiltinResult.Failed($"its ca_file '{caFile.Value}' holds no PEM certificate.");
            }
        }

        var timeout = TimeSpan.FromSeconds(item.Collector.TimeoutSeconds);
        var artifacts = new List<BuiltinArtifact>();
        foreach (var endpoint in endpoints)
        {
            if (!Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
            {
                return BuiltinResult.Failed($"the endpoint '{endpoint.Id.Value}' has the URL '{endpoint.Url}', which is not https://.");
            }

            var record = TlsVerifier.VerifyAsync(endpoint.Id.Value, url, roots, now, timeout).GetAwaiter().GetResult();
            artifacts.Add(new BuiltinArtifact(
                $"tls-{endpoint.Id.Value}-{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}.json",
                Encoding.UTF8.GetBytes(record.ToJson()),
                new[]
                {
                    new KeyValuePair<string, string>("type", TlsVerificationRecord.TypeName),
                    new KeyValuePair<string, string>("endpoint", endpoint.Id.Value),
                },
                new Dictionary<string, string>
                {
                    ["endpoint"] = endpoint.Id.Value,
                    ["succeeded"] = record.Succeeded ? "true" : "false",
                    ["protocol"] = record.Protocol ?? "none",
                    ["cipher"] = record.Cipher ?? "none",
                },
                $"TLS handshake with {record.Url} by the built-in tls collector."));
        }

        return new BuiltinResult(artifacts, null);
    }
}
