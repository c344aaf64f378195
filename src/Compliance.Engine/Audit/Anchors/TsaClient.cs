using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Threading.Tasks;

namespace Compliance.Engine.Audit.Anchors;

/// <summary>Asks a timestamp authority for an RFC 3161 token over an event hash (RFC 3161 section 3.4, HTTP transport).</summary>
public static class TsaClient
{
    /// <summary>The DER token over <paramref name="eventHash"/> ("sha256:" and 64 hex digits).</summary>
    /// <exception cref="AnchorException">The TSA is unreachable, refuses, or answers with something that is not a token over that hash.</exception>
    public static async Task<byte[]> RequestAsync(Uri tsa, string eventHash, HttpClient? client = null)
    {
        var imprint = Convert.FromHexString(eventHash["sha256:".Length..]);
        var request = Rfc3161TimestampRequest.CreateFromHash(imprint, HashAlgorithmName.SHA256, nonce: RandomNumberGenerator.GetBytes(16), requestSignerCertificates: true);
        using var content = new ByteArrayContent(request.Encode());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
        var http = client ?? new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            using var response = await http.PostAsync(tsa, content).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new AnchorException($"The TSA at {tsa} answered HTTP {(int)response.StatusCode}; no anchor was stored.");
            }

            // ProcessResponse checks the status, the nonce and that the token is over this imprint.
            var token = request.ProcessResponse(body, out _);
            return token.AsSignedCms().Encode();
        }
        catch (HttpRequestException ex)
        {
            throw new AnchorException($"The TSA at {tsa} could not be reached: {ex.Message}. No anchor was stored.", ex);
        }
        catch (TaskCanceledException ex)
        {
            throw new AnchorException($"The TSA at {tsa} did not answer in time; no anchor was stored.", ex);
        }
        catch (CryptographicException ex)
        {
            throw new AnchorException($"The TSA at {tsa} did not answer with a timestamp token over the log's head hash: {ex.Message}. No anchor was stored.", ex);
        }
        finally
        {
            if (client is null)
            {
                http.Dispose();
            }
        }
    }
}

public sealed class AnchorException(string message, Exception? inner = null) : Exception(message, inner);
