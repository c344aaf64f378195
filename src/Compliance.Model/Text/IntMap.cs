using System.Collections.Generic;

namespace Compliance.Model.Text;

/// <summary>
/// A map from a key to an int (an index, a count). Not a Dictionary&lt;TKey, int&gt;: ReadyToRun cannot precompile
/// framework generics over value types, so that would be JIT-compiled on every run (bench/RESULTS.md, issue 15);
/// a dictionary of reference types shares the framework's precompiled code.
/// </summary>
public sealed class IntMap<TKey>
    where TKey : class
{
    private readonly Dictionary<TKey, Cell> _cells;

    public IntMap(IEqualityComparer<TKey> comparer, int capacity = 0) => _cells = new Dictionary<TKey, Cell>(capacity, comparer);

    public int this[TKey key]
    {
        get => _cells[key].Value;
        set
        {
            if (_cells.TryGetValue(key, out var cell))
            {
                cell.Value = value;
            }
            else
            {
                _cells.Add(key, new Cell(value));
            }
        }
    }

    public bool TryGetValue(TKey key, out int value)
    {
        var found = _cells.TryGetValue(key, out var cell);
        value = found ? cell!.Value : 0;
        return found;
    }

    public void Add(TKey key, int value) => _cells.Add(key, new Cell(value));

    public bool TryAdd(TKey key, int value)
    {
        if (_cells.ContainsKey(key))
        {
            return false;
        }

        _cells.Add(key, new Cell(value));
        return true;
    }

    private sealed class Cell(int value)
    {
        public int Value { get; set; } = value;
    }
}
