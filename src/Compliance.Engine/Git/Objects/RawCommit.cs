using System;
using System.Collections.Generic;
using System.Text;
using LibGit2Sharp;

namespace Compliance.Engine.Git.Objects;

/// <summary>
/// A commit read from its raw object: the tree and parents at once, the rest (author, dates, signature,
/// summary) only when provenance reports the commit. Parsed as libgit2 parses it, so that the result
/// equals what LibGit2Sharp reports for the same commit (a test holds the two together).
/// </summary>
internal sealed class RawCommit
{
    private readonly byte[] _data;
    private readonly int _headersEnd;

    private RawCommit(GitOid id, byte[] data, GitOid tree, GitOid[] parents, int headersEnd)
    {
        Id = id;
        _data = data;
        Tree = tree;
        Parents = parents;
        _headersEnd = headersEnd;
    }

    public GitOid Id { get; }

    public GitOid Tree { get; }

    public GitOid[] Parents { get; }

    public static RawCommit Parse(GitOid id, byte[] data)
    {
        GitOid? tree = null;
        var parents = new OidList(1);
        var position = 0;
        while (NextHeader(data, ref position, out var name, out var value))
        {
            if (name.SequenceEqual("tree"u8))
            {
                tree = GitOid.Parse(value);
            }
            else if (name.SequenceEqual("parent"u8))
            {
                parents.Add(GitOid.Parse(value));
            }
            else
            {
                break; // tree and parents come first; the rest is read on demand.
            }
        }

        if (tree is not { } treeId)
        {
            throw new LibGit2SharpException($"commit {id.Sha} has no tree");
        }

        var end = data.AsSpan().IndexOf("\n\n"u8);
        return new RawCommit(id, data, treeId, parents.ToArray(), end < 0 ? data.Length : end + 1);
    }

    public CommitInfo Info()
    {
        Signature? author = null;
        Signature? committer = null;
        var signed = false;
        var position = 0;
        while (position < _headersEnd && NextHeader(_data, ref position, out var name, out var value))
        {
            if (name.SequenceEqual("author"u8))
            {
                author ??= Signature.Parse(value);
            }
            else if (name.SequenceEqual("committer"u8))
            {
                committer ??= Signature.Parse(value);
            }
            else if (name.SequenceEqual("gpgsig"u8))
            {
                signed |= value.Length > 0;
            }
        }

        author ??= Signature.Empty;
        committer ??= Signature.Empty;
        return new CommitInfo(Id.Sha, author.Name, author.Email, author.When, committer.When, signed, Summary(_data.AsSpan(Math.Min(_headersEnd + 1, _data.Length))));
    }

    /// <summary>
    /// Reads one header ("name SP value LF", continued by lines that start with a space) and moves past
    /// it; false at the blank line that ends the headers.
    /// </summary>
    private static bool NextHeader(byte[] data, ref int position, out ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        name = value = default;
        if (position >= data.Length || data[position] == (byte)'\n')
        {
            return false;
        }

        var span = data.AsSpan(position);
        var end = 0;
        while (true)
        {
            var newline = span.Slice(end).IndexOf((byte)'\n');
            end = newline < 0 ? span.Length : end + newline;
            if (end + 1 < span.Length && span[end + 1] == (byte)' ')
            {
                end++;
                continue;
            }

            break;
        }

        var line = span.Slice(0, end);
        var space = line.IndexOf((byte)' ');
        name = space < 0 ? line : line.Slice(0, space);
        value = space < 0 ? default : line.Slice(space + 1);
        position += Math.Min(span.Length, end + 1);
        return true;
    }

    /// <summary>The first paragraph of the message, with its line breaks folded to spaces (libgit2's git_commit_summary).</summary>
    internal static string Summary(ReadOnlySpan<byte> message)
    {
        while (message.Length > 0 && message[0] == (byte)'\n')
        {
            message = message.Slice(1);
        }

        var summary = new List<byte>(Math.Min(message.Length, 128));
        var space = -1;
        var spaceHasNewline = false;
        for (var i = 0; i < message.Length; i++)
        {
            var c = message[i];
            if (c == (byte)'\n')
            {
                // A blank line, or one of only spaces and tabs, ends the first paragraph.
                var next = i + 1;
                while (next < message.Length && IsSpaceNotNewline(message[next]))
                {
                    next++;
                }

                if (next >= message.Length || message[next] == (byte)'\n')
                {
                    break;
                }
            }

            if (IsSpace(c))
            {
                if (space < 0)
                {
                    space = i;
                    spaceHasNewline = c == (byte)'\n';
                }
                else
                {
                    spaceHasNewline |= c == (byte)'\n';
                }

                continue;
            }

            if (space >= 0)
            {
                if (spaceHasNewline)
                {
                    summary.Add((byte)' ');
                }
                else
                {
                    summary.AddRange(message.Slice(space, i - space));
                }

                space = -1;
            }

            summary.Add(c);
        }

        return Encoding.UTF8.GetString(summary.ToArray());
    }

    private static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r';

    private static bool IsSpaceNotNewline(byte c) => c != (byte)'\n' && IsSpace(c);

    /// <summary>
    /// "Name &lt;email&gt; seconds ±hhmm", parsed as libgit2 parses it: a missing email or date is an error
    /// (the history cannot be trusted for provenance), an impossible time zone is read as UTC.
    /// </summary>
    private sealed record Signature(string Name, string Email, DateTimeOffset When)
    {
        public static readonly Signature Empty = new(string.Empty, string.Empty, DateTimeOffset.UnixEpoch);

        public static Signature Parse(ReadOnlySpan<byte> value)
        {
            var open = value.LastIndexOf((byte)'<');
            var close = value.LastIndexOf((byte)'>');
            if (open < 0 || close < open)
            {
                throw new LibGit2SharpException($"a commit signature has a malformed e-mail: {Encoding.UTF8.GetString(value)}");
            }

            var name = Trimmed(value.Slice(0, open));
            var email = Trimmed(value.Slice(open + 1, close - open - 1));
            var rest = value.Slice(close + 1).TrimStart((byte)' ');
            var digits = rest.IndexOf((byte)' ');
            var secondsText = digits < 0 ? rest : rest.Slice(0, digits);
            if (!long.TryParse(secondsText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                || seconds > 253402300799)
            {
                throw new LibGit2SharpException($"a commit signature has an invalid Unix timestamp: {Encoding.UTF8.GetString(value)}");
            }

            var offset = digits < 0 ? 0 : OffsetMinutes(rest.Slice(digits + 1).Trim((byte)' '));
            return new Signature(name, email, DateTimeOffset.FromUnixTimeSeconds(seconds).ToOffset(TimeSpan.FromMinutes(offset)));
        }

        private static int OffsetMinutes(ReadOnlySpan<byte> zone)
        {
            if (zone.Length < 5 || (zone[0] != (byte)'+' && zone[0] != (byte)'-'))
            {
                return 0;
            }

            if (!int.TryParse(zone.Slice(1, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var hhmm))
            {
                return 0;
            }

            // libgit2 treats an impossible zone as UTC; DateTimeOffset cannot hold more than 14 hours either.
            var minutes = ((hhmm / 100) * 60) + (hhmm % 100);
            return hhmm % 100 > 59 || minutes > 14 * 60 ? 0 : zone[0] == (byte)'-' ? -minutes : minutes;
        }

        private static string Trimmed(ReadOnlySpan<byte> text) => Encoding.UTF8.GetString(text.Trim(" \t\n\v\f\r"u8));
    }
}
