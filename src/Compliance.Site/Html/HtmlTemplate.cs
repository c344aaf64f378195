using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Compliance.Site.Html;

/// <summary>
/// Encode-by-default templates, in the spirit of docfx's FormattableString <c>HtmlTemplate</c>, but
/// built on a C# interpolated string handler: the compiler splits the template, so there is no format
/// string to parse at run time, and only an interpolated string literal is accepted as a template.
/// <list type="bullet">
/// <item>Every hole is HTML-encoded, except an <see cref="HtmlString"/> (a template's output, Markdig's, or an explicit <see cref="Html.Raw"/>).</item>
/// <item>A hole in a URL attribute (href, src, ...) must be a whole <see cref="SafeUrl"/>: a plain string there throws.</item>
/// <item>A hole is allowed only in text or in a quoted attribute value, never in a tag name, an unquoted attribute, or a script or style element.</item>
/// </list>
/// The handler tracks where each hole falls with a small tokenizer over the template's literal parts.
/// <para>
/// The hot methods here, and the encoder's, URL check's, link's and print rewriter's, are compiled
/// optimised at their first call (AggressiveOptimization). The site is rendered by a short-lived
/// process that runs them millions of times in about a second, mostly before tiered compilation has
/// replaced their unoptimised, instrumented first version: the benchmark render took ~15% less CPU.
/// </para>
/// </summary>
[InterpolatedStringHandler]
public ref struct HtmlTemplateHandler
{
    private readonly StringBuilder _builder;
    private TemplateState _state;

    public HtmlTemplateHandler(int literalLength, int formattedCount)
    {
        _builder = BuilderCache.Rent(literalLength + (formattedCount * 24));
        _state = default;
    }

    public HtmlTemplateHandler(int literalLength, int formattedCount, HtmlWriter writer)
    {
        _builder = writer.Builder;
        _state = default;
    }

    internal StringBuilder Builder => _builder;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AppendLiteral(string literal)
    {
        _builder.Append(literal);
        _state.Scan(literal);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AppendFormatted(HtmlString html)
    {
        if (_state.Mode != TemplateMode.Text)
        {
            throw new InvalidOperationException($"Raw HTML may only be placed in text, not {_state.Describe()}.");
        }

        _builder.Append(html.Value);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AppendFormatted(SafeUrl url)
    {
        if (_state.Mode == TemplateMode.Text)
        {
            HtmlEncoding.Append(_builder, url.Value);
            return;
        }

        RequireAttributeValue();
        if (_state.InUrlAttribute && _state.ValueLength != 0)
        {
            throw new InvalidOperationException($"A URL must be the whole value of {_state.Describe()}.");
        }

        HtmlEncoding.Append(_builder, url.Value);
        _state.ValueLength += url.Value.Length;
    }

    public void AppendFormatted(string? text) => AppendText(text);

    /// <summary>A count, as the generic overload writes it, without boxing it to ask whether it is formattable.</summary>
    public void AppendFormatted(int number) => AppendText(number.ToString(CultureInfo.InvariantCulture));

    public void AppendFormatted<T>(T value)
    {
        switch (value)
        {
            case null:
                AppendText(null);
                break;
            case HtmlString html:
                AppendFormatted(html);
                break;
            case SafeUrl url:
                AppendFormatted(url);
                break;
            case IEnumerable<HtmlString> fragments:
                foreach (var fragment in fragments)
                {
                    AppendFormatted(fragment);
                }

                break;
            case DateOnly day:
                AppendText(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case IFormattable formattable:
                AppendText(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                AppendText(value.ToString());
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AppendText(string? text)
    {
        if (_state.Mode == TemplateMode.Text)
        {
            HtmlEncoding.Append(_builder, text);
            return;
        }

        RequireAttributeValue();
        if (_state.InUrlAttribute)
        {
            throw new InvalidOperationException($"Only a SafeUrl may be placed in {_state.Describe()}; filter the URL or build it with SafeUrl.Internal.");
        }

        HtmlEncoding.Append(_builder, text);
        _state.ValueLength += text?.Length ?? 0;
    }

    private readonly void RequireAttributeValue()
    {
        if (_state.Mode is not (TemplateMode.DoubleQuoted or TemplateMode.SingleQuoted))
        {
            throw new InvalidOperationException($"A value may only be placed in text or inside a quoted attribute value, not {_state.Describe()}.");
        }

        if (_state.InForbiddenAttribute)
        {
            throw new InvalidOperationException($"No value may be placed in {_state.Describe()}: event handlers and inline styles are never generated.");
        }
    }
}

internal enum TemplateMode
{
    Text,
    Tag,
    AttributeName,
    BeforeValue,
    DoubleQuoted,
    SingleQuoted,
    Unquoted,
    RawText,
}

/// <summary>
/// Where the template is after its literal parts so far: a minimal HTML tokenizer. A template's literal
/// parts are compile-time constants, so the state after a literal that starts in text is cached per
/// literal: a page pays for scanning each distinct literal once per process, not once per use.
/// </summary>
internal struct TemplateState
{
    private static readonly string[] UrlAttributes = { "href", "src", "action", "formaction", "srcset", "poster", "cite", "data", "background", "xlink:href", "ping" };

    // The cached state is boxed in a class: ReadyToRun cannot precompile a framework generic over a struct, and this
    // dictionary is read once per literal of every page, so over TemplateState it ran JIT-compiled, unoptimised code (issue 15).
    private static readonly ConcurrentDictionary<string, Cached> FromText = new(LiteralComparer.Instance);

    private string? _tagName;
    private string? _attribute;
    private bool _readingTagName;
    private bool _closing;

    public TemplateMode Mode { get; private set; }

    public bool InUrlAttribute { get; private set; }

    /// <summary>Event handlers and inline styles: nothing from a hole may go there.</summary>
    public bool InForbiddenAttribute { get; private set; }

    public int ValueLength { get; set; }

    public readonly string Describe() => Mode switch
    {
        TemplateMode.Text => "text",
        TemplateMode.DoubleQuoted or TemplateMode.SingleQuoted => $"the attribute '{_attribute}' of <{_tagName}>",
        TemplateMode.RawText => $"the raw text of <{_tagName}>",
        _ => $"the tag <{_tagName}> outside a quoted attribute value",
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Scan(string literal)
    {
        if (Mode == TemplateMode.Text)
        {
            if (!FromText.TryGetValue(literal, out var cached))
            {
                var scanned = default(TemplateState);
                scanned.ScanChars(literal);
                cached = FromText.GetOrAdd(literal, new Cached(scanned));
            }

            this = cached.State;
            return;
        }

        ScanChars(literal);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ScanChars(string literal)
    {
        var nameStart = -1;
        for (var i = 0; i < literal.Length; i++)
        {
            var c = literal[i];
            switch (Mode)
            {
                case TemplateMode.Text:
                    if (c == '<' && i + 1 == literal.Length)
                    {
                        // "<{x}": a hole would name the tag. The hole then throws.
                        Mode = TemplateMode.Tag;
                        _readingTagName = true;
                        _tagName = string.Empty;
                        break;
                    }

                    if (c == '<' && i + 1 < literal.Length && (char.IsAsciiLetter(literal[i + 1]) || literal[i + 1] == '/'))
                    {
                        _closing = literal[i + 1] == '/';
                        Mode = TemplateMode.Tag;
                        _readingTagName = true;
                        _tagName = null;
                        i += _closing ? 1 : 0;
                        nameStart = i + 1;
                    }

                    break;

                case TemplateMode.RawText:
                    if (c == '<' && i + 1 < literal.Length && literal[i + 1] == '/'
                        && string.Compare(literal, i + 2, _tagName, 0, _tagName!.Length, StringComparison.OrdinalIgnoreCase) == 0)
                    {
                        _closing = true;
                        Mode = TemplateMode.Tag;
                        _readingTagName = true;
                        i++;
                        nameStart = i + 1;
                    }

                    break;

                case TemplateMode.Tag:
                    if (_readingTagName)
                    {
                        if (char.IsAsciiLetterOrDigit(c) || c == '-')
                        {
                            break;
                        }

                        _tagName = Name(literal, nameStart, i);
                        _readingTagName = false;
                    }

                    if (c == '>')
                    {
                        EndTag();
                    }
                    else if (!char.IsWhiteSpace(c) && c != '/')
                    {
                        Mode = TemplateMode.AttributeName;
                        nameStart = i;
                    }

                    break;

                case TemplateMode.AttributeName:
                    if (c == '=')
                    {
                        _attribute = Name(literal, nameStart, i);
                        Mode = TemplateMode.BeforeValue;
                    }
                    else if (c == '>')
                    {
                        EndTag();
                    }
                    else if (char.IsWhiteSpace(c) || c == '/')
                    {
                        Mode = TemplateMode.Tag;
                    }

                    break;

                case TemplateMode.BeforeValue:
                    if (c == '"')
                    {
                        StartValue(TemplateMode.DoubleQuoted);
                    }
                    else if (c == '\'')
                    {
                        StartValue(TemplateMode.SingleQuoted);
                    }
                    else if (!char.IsWhiteSpace(c))
                    {
                        Mode = TemplateMode.Unquoted;
                    }

                    break;

                case TemplateMode.DoubleQuoted:
                case TemplateMode.SingleQuoted:
                    if (c == (Mode == TemplateMode.DoubleQuoted ? '"' : '\''))
                    {
                        Mode = TemplateMode.Tag;
                        InUrlAttribute = false;
                        InForbiddenAttribute = false;
                    }
                    else
                    {
                        ValueLength++;
                    }

                    break;

                case TemplateMode.Unquoted:
                    if (c == '>')
                    {
                        EndTag();
                    }
                    else if (char.IsWhiteSpace(c))
                    {
                        Mode = TemplateMode.Tag;
                    }

                    break;
            }
        }

        // A tag or attribute name cut by a hole ("<{x}", "{x}=") cannot be named: the hole itself throws.
        if (_readingTagName && nameStart >= 0)
        {
            _tagName = Name(literal, nameStart, literal.Length);
        }
    }

    private static string Name(string literal, int start, int end) =>
        start < 0 || end <= start ? string.Empty : literal.Substring(start, end - start).ToLowerInvariant();

    private void StartValue(TemplateMode mode)
    {
        Mode = mode;
        ValueLength = 0;
        InUrlAttribute = Array.IndexOf(UrlAttributes, _attribute) >= 0;
        InForbiddenAttribute = _attribute is not null && (_attribute.StartsWith("on", StringComparison.Ordinal) || _attribute == "style");
    }

    private void EndTag() =>
        Mode = !_closing && _tagName is "script" or "style" ? TemplateMode.RawText : TemplateMode.Text;

    private sealed class Cached(TemplateState state)
    {
        public readonly TemplateState State = state;
    }

    /// <summary>Literal parts are interned constants: compare them by reference, which is both exact and cheap.</summary>
    private sealed class LiteralComparer : IEqualityComparer<string>
    {
        public static readonly LiteralComparer Instance = new();

        public bool Equals(string? x, string? y) => ReferenceEquals(x, y);

        public int GetHashCode(string obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
