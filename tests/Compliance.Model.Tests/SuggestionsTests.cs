using System;
using Compliance.Model.Binding;

namespace Compliance.Model.Tests;

/// <summary>Did-you-mean: close enough to be a typo, never an unrelated name.</summary>
public sealed class SuggestionsTests
{
    [Theory]
    [InlineData("titel", "title")]
    [InlineData("TITLE", "title")] // case is ignored when measuring
    [InlineData("mapsto", "maps_to")]
    [InlineData("descripti", "description")] // 2 edits, allowed max(2, 9 / 3) = 3
    [InlineData("evidance", "evidence")]
    public void Finds_the_typo(string value, string expected)
    {
        Assert.Equal(expected, Suggestions.Closest(value, new[] { "id", "title", "description", "maps_to", "evidence" }));
    }

    [Theory]
    [InlineData("xyz")]
    [InlineData("owner")]
    [InlineData("")]
    public void Suggests_nothing_for_unrelated_names(string value)
    {
        Assert.Null(Suggestions.Closest(value, new[] { "title", "description", "maps_to" }));
    }

    [Fact]
    public void Allows_a_third_of_the_length_and_at_least_two_edits()
    {
        Assert.Equal("abcxyzghi", Suggestions.Closest("abcdefghi", new[] { "abcxyzghi" })); // 3 edits of 9
        Assert.Null(Suggestions.Closest("abcdefghi", new[] { "abwxyzghi" })); // 4 edits of 9
        Assert.Equal("ab", Suggestions.Closest("xy", new[] { "ab" })); // 2 edits: the floor
        Assert.Null(Suggestions.Closest("xy", new[] { "abc" }));
    }

    [Fact]
    public void Ties_go_to_the_ordinally_first_candidate_whatever_the_input_order()
    {
        Assert.Equal("R1", Suggestions.Closest("R3", new[] { "R2", "R1" }));
        Assert.Equal("R1", Suggestions.Closest("R3", new[] { "R1", "R2" }));
    }

    [Fact]
    public void No_candidates_no_suggestion()
    {
        Assert.Null(Suggestions.Closest("anything", Array.Empty<string>()));
        Assert.Equal(string.Empty, Suggestions.DidYouMean("anything", Array.Empty<string>()));
        Assert.Equal(" Did you mean 'alice'?", Suggestions.DidYouMean("alise", new[] { "alice", "bob" }));
    }
}
