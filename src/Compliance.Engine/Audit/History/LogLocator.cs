using System.Text;
using Compliance.Engine.Git.Objects;

namespace Compliance.Engine.Audit.History;

/// <summary>
/// Finds the log's version in a commit's tree. Trees are named by their content, so a folder whose tree ID
/// was seen before holds the version found then: a commit that leaves the log's folder alone costs a lookup
/// at the first unchanged level instead of reading every tree down to the log.
/// </summary>
internal sealed class LogLocator
{
    private readonly ObjectReader _reader;
    private readonly byte[][] _segments;
    private readonly byte[] _log;
    private readonly byte[] _head;

    // Keyed by depth as well as ID: the same tree can sit at two depths (an empty folder, a copied one).
    private readonly OidMap<LogVersion>[] _seen;

    /// <param name="folder">The log's folder ("" for the root), without a trailing slash.</param>
    public LogLocator(ObjectReader reader, string folder, string logName)
    {
        _reader = reader;
        _segments = folder.Length == 0 ? [] : System.Array.ConvertAll(folder.Split('/'), Encoding.UTF8.GetBytes);
        _log = Encoding.UTF8.GetBytes(logName);
        _head = Encoding.UTF8.GetBytes(logName + ".head");
        _seen = new OidMap<LogVersion>[_segments.Length + 1];
        for (var depth = 0; depth < _seen.Length; depth++)
        {
            _seen[depth] = new OidMap<LogVersion>();
        }
    }

    public LogVersion VersionAt(GitOid root) => At(root, 0);

    private LogVersion At(GitOid tree, int depth)
    {
        if (_seen[depth].TryGetValue(tree, out var known))
        {
            return known;
        }

        var data = _reader.Tree(tree);
        LogVersion version;
        if (depth < _segments.Length)
        {
            version = RawTree.TryFind(data, _segments[depth], out var child, out var isTree) && isTree ? At(child, depth + 1) : LogVersion.None;
        }
        else
        {
            GitOid? logId = RawTree.TryFind(data, _log, out var l, out var logIsTree) && !logIsTree ? l : null;
            GitOid? headId = RawTree.TryFind(data, _head, out var h, out var headIsTree) && !headIsTree ? h : null;
            version = new LogVersion(logId, headId);
        }

        _seen[depth][tree] = version;
        return version;
    }
}
