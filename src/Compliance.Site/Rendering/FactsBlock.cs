using Compliance.Site.Html;

namespace Compliance.Site.Rendering;

/// <summary>
/// A page header's facts (<see cref="Components.Facts(FactList, bool)"/>), written straight into the page's writer when it is
/// appended, rather than rendered to a string of their own and copied in: every control, requirement and policy page has one (issue 15).
/// </summary>
public sealed class FactsBlock : IHtmlFragment
{
    private readonly (string Term, HtmlString Value)[]? _pairs;
    private readonly FactList? _list;
    private readonly bool _wide;

    public FactsBlock((string Term, HtmlString Value)[] pairs) => _pairs = pairs;

    public FactsBlock(FactList list, bool wide)
    {
        _list = list;
        _wide = wide;
    }

    public void WriteTo(HtmlWriter writer)
    {
        writer.Append($"<dl class=\"{(_wide ? "facts facts-wide" : "facts")}\">");
        if (_pairs is not null)
        {
            for (var i = 0; i < _pairs.Length; i++)
            {
                writer.Append($"<div><dt>{_pairs[i].Term}</dt><dd>{_pairs[i].Value}</dd></div>");
            }
        }
        else
        {
            for (var i = 0; i < _list!.Count; i++)
            {
                writer.Append($"<div><dt>{_list.Term(i)}</dt><dd>{_list.Value(i)}</dd></div>");
            }
        }

        writer.Append($"</dl>");
    }
}
