using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Compliance.Oscal;

/// <summary>Identifiers as OSCAL wants them: name-based UUIDs and tokens.</summary>
public static class OscalIds
{
    /// <summary>The namespace of every UUID the toolkit derives (RFC 4122 section 4.3, version 5).</summary>
    public static readonly Guid Namespace = new("7c1b4f0e-5d2a-4c8e-9b3f-2a6d8e4f1c90");

    private static readonly Regex TokenPattern = new(@"^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$", RegexOptions.CultureInvariant);
    private static readonly Regex NotTokenChars = new(@"[^\p{L}\p{N}.\-_]+", RegexOptions.CultureInvariant);

    /// <summary>A version-5 UUID of the name: the same name always gives the same UUID.</summary>
    public static string Uuid(string name)
    {
        var ns = Namespace.ToByteArray();
        SwapToNetworkOrder(ns);
        var bytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[ns.Length + bytes.Length];
        Buffer.BlockCopy(ns, 0, input, 0, ns.Length);
        Buffer.BlockCopy(bytes, 0, input, ns.Length, bytes.Length);
        var hash = SHA1.HashData(input);
        var uuid = new byte[16];
        Array.Copy(hash, uuid, 16);
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50);
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexString(uuid).ToLowerInvariant();
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    /// <summary>
    /// An OSCAL token for a requirement ID: IDs that already are tokens (CC6.1) are kept; others
    /// (164.312(a)(1)) have each run of other characters replaced by '_' and take the prefix 'req-'
    /// when they do not start with a letter (req-164.312_a_1). The original ID travels as a 'label' prop.
    /// </summary>
    public static string Token(string id)
    {
        if (TokenPattern.IsMatch(id))
        {
            return id;
        }

        var token = NotTokenChars.Replace(id, "_").Trim('_');
        return token.Length > 0 && (char.IsLetter(token[0]) || token[0] == '_') ? token : "req-" + token;
    }

    public static bool IsToken(string value) => TokenPattern.IsMatch(value);

    private static void SwapToNetworkOrder(byte[] guid)
    {
        // Guid.ToByteArray is little-endian in its first three fields; RFC 4122 hashes them big-endian.
        Array.Reverse(guid, 0, 4);
        Array.Reverse(guid, 4, 2);
        Array.Reverse(guid, 6, 2);
    }
}
