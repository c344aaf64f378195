using System.Collections;
using System.Collections.Generic;
using Compliance.Site.Html;

namespace Compliance.Site.Rendering;

/// <summary>
/// The facts of a page's header, built up in order (<see cref="Components.Facts(FactList, bool)"/>). A class of its own rather than
/// a list of (term, value) tuples: ReadyToRun cannot precompile a framework generic over a struct, so every page paid for that
/// list's JIT-compiled, unoptimised code (issue 15). Enumerable only so that it takes a collection initializer.
/// </summary>
public sealed class FactList : IEnumerable
{
    private readonly List<string> _terms = new();
    private readonly List<string> _values = new();

    public int Count => _terms.Count;

    public void Add(string term, HtmlString value)
    {
        _terms.Add(term);
        _values.Add(value.Value);
    }

    public void Add((string Term, HtmlString Value) fact) => Add(fact.Term, fact.Value);

    public string Term(int index) => _terms[index];

    public HtmlString Value(int index) => new(_values[index]);

    IEnumerator IEnumerable.GetEnumerator() => _terms.GetEnumerator();
}
