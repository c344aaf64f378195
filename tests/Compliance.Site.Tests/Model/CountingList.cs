using System.Collections;
using System.Collections.Generic;

namespace Compliance.Site.Tests.Model;

/// <summary>
/// A read-only list that counts every element read from it, by enumeration or by index, into a shared
/// tally. It implements no ICollection, so LINQ cannot copy it without being counted.
/// </summary>
internal sealed class CountingList<T> : IReadOnlyList<T>
{
    private readonly IReadOnlyList<T> _items;
    private readonly ReadTally _tally;

    public CountingList(IReadOnlyList<T> items, ReadTally tally)
    {
        _items = items;
        _tally = tally;
    }

    public int Count => _items.Count;

    public T this[int index]
    {
        get
        {
            _tally.Reads++;
            return _items[index];
        }
    }

    public IEnumerator<T> GetEnumerator()
    {
        foreach (var item in _items)
        {
            _tally.Reads++;
            yield return item;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>How many elements the counted lists have handed out.</summary>
internal sealed class ReadTally
{
    public long Reads { get; set; }
}
