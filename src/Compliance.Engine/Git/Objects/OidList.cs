namespace Compliance.Engine.Git.Objects;

/// <summary>
/// A growing list of object IDs. Not a List&lt;GitOid&gt;: ReadyToRun cannot precompile framework generics over
/// a value type (bench/RESULTS.md, issue 15).
/// </summary>
internal sealed class OidList
{
    private GitOid[] _items;
    private int _count;

    public OidList(int capacity = 4) => _items = new GitOid[System.Math.Max(1, capacity)];

    public int Count => _count;

    public void Add(GitOid id)
    {
        if (_count == _items.Length)
        {
            var grown = new GitOid[_items.Length * 2];
            System.Array.Copy(_items, grown, _count);
            _items = grown;
        }

        _items[_count++] = id;
    }

    public GitOid[] ToArray()
    {
        var array = new GitOid[_count];
        System.Array.Copy(_items, array, _count);
        return array;
    }
}
