using System;
using System.Diagnostics.CodeAnalysis;

namespace Compliance.Engine.Git.Objects;

/// <summary>
/// A hash map keyed by object ID. Not a Dictionary&lt;GitOid, T&gt;: ReadyToRun cannot precompile framework
/// generics over a value type, so that would be JIT-compiled on every run (bench/RESULTS.md, issue 15).
/// Open addressing with linear probing; IDs are uniformly distributed, so their first bytes are the hash.
/// </summary>
internal sealed class OidMap<TValue>
{
    private GitOid[] _keys;
    private TValue[] _values;
    private bool[] _used;
    private int _count;

    public OidMap(int capacity = 16)
    {
        var size = 16;
        while (size < capacity * 2)
        {
            size *= 2;
        }

        _keys = new GitOid[size];
        _values = new TValue[size];
        _used = new bool[size];
    }

    public bool TryGetValue(GitOid key, [MaybeNullWhen(false)] out TValue value)
    {
        var slot = Slot(key);
        value = _used[slot] ? _values[slot] : default!;
        return _used[slot];
    }

    public TValue this[GitOid key]
    {
        get => TryGetValue(key, out var value) ? value : throw new System.Collections.Generic.KeyNotFoundException($"no entry for {key.Sha}");
        set
        {
            var slot = Slot(key);
            if (!_used[slot])
            {
                if (2 * (_count + 1) > _keys.Length)
                {
                    Grow();
                    slot = Slot(key);
                }

                _used[slot] = true;
                _keys[slot] = key;
                _count++;
            }

            _values[slot] = value;
        }
    }

    public void Clear()
    {
        Array.Clear(_keys);
        Array.Clear(_values);
        Array.Clear(_used);
        _count = 0;
    }

    /// <summary>The key's slot, or the empty slot where it would go.</summary>
    private int Slot(GitOid key)
    {
        var mask = _keys.Length - 1;
        var slot = key.GetHashCode() & mask;
        while (_used[slot] && _keys[slot] != key)
        {
            slot = (slot + 1) & mask;
        }

        return slot;
    }

    private void Grow()
    {
        var keys = _keys;
        var values = _values;
        var used = _used;
        _keys = new GitOid[keys.Length * 2];
        _values = new TValue[keys.Length * 2];
        _used = new bool[keys.Length * 2];
        for (var i = 0; i < keys.Length; i++)
        {
            if (used[i])
            {
                var slot = Slot(keys[i]);
                _used[slot] = true;
                _keys[slot] = keys[i];
                _values[slot] = values[i];
            }
        }
    }
}
