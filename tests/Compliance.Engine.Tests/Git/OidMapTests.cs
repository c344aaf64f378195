using System;
using System.Collections.Generic;
using Compliance.Engine.Git.Objects;
using Xunit;

namespace Compliance.Engine.Tests;

/// <summary>
/// The history walk's own hash map (open addressing, the ID's first bytes as the hash). Held to a
/// Dictionary over the same operations, with IDs chosen so that many share a hash and must probe.
/// </summary>
public sealed class OidMapTests
{
    [Fact]
    public void It_answers_as_a_dictionary_does_through_collisions_overwrites_and_growth()
    {
        var map = new OidMap<int>(capacity: 1);
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        var random = new Random(15);
        for (var step = 0; step < 20_000; step++)
        {
            // A few hundred IDs, half of them with the same first four bytes: every one of those lands on one slot first.
            var id = Id(random.Next(400), sharedHash: random.Next(2) == 0);
            if (random.Next(3) == 0)
            {
                Assert.Equal(expected.TryGetValue(id.Sha, out var want), map.TryGetValue(id, out var got));
                Assert.Equal(want, got);
            }
            else
            {
                map[id] = step;
                expected[id.Sha] = step;
            }
        }

        Assert.True(expected.Count > 300, $"only {expected.Count} distinct IDs were stored");
        foreach (var (sha, value) in expected)
        {
            Assert.Equal(value, map[GitOid.Parse(System.Text.Encoding.ASCII.GetBytes(sha))]);
        }
    }

    [Fact]
    public void A_missing_ID_is_not_found_and_its_indexer_says_which()
    {
        var map = new OidMap<string>();
        map[Id(1, sharedHash: true)] = "one";

        Assert.False(map.TryGetValue(Id(2, sharedHash: true), out _));
        Assert.False(map.TryGetValue(Id(1, sharedHash: false), out _));
        var error = Assert.Throws<KeyNotFoundException>(() => map[Id(3, sharedHash: false)]);
        Assert.Contains(Id(3, sharedHash: false).Sha, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clear_forgets_every_entry_and_the_map_fills_again()
    {
        var map = new OidMap<int>();
        for (var i = 0; i < 100; i++)
        {
            map[Id(i, sharedHash: i % 2 == 0)] = i;
        }

        map.Clear();
        for (var i = 0; i < 100; i++)
        {
            Assert.False(map.TryGetValue(Id(i, sharedHash: i % 2 == 0), out _));
        }

        map[Id(7, sharedHash: false)] = 70;
        Assert.Equal(70, map[Id(7, sharedHash: false)]);
    }

    /// <summary>An ID from a number; with <paramref name="sharedHash"/> its first four bytes are the same for every number.</summary>
    private static GitOid Id(int n, bool sharedHash)
    {
        var raw = new byte[GitOid.Size];
        if (!sharedHash)
        {
            BitConverter.TryWriteBytes(raw.AsSpan(0, 4), unchecked((uint)n * 2654435761u));
        }

        BitConverter.TryWriteBytes(raw.AsSpan(12, 4), n);
        raw[19] = sharedHash ? (byte)1 : (byte)2;
        return GitOid.Read(raw);
    }
}
