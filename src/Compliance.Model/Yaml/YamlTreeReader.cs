using System;
using System.Globalization;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Compliance.Model.Diagnostics;
using Compliance.Model.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Compliance.Model.Yaml;

/// <summary>The outcome of reading one YAML text: a root node, nothing (empty), or the first fatal finding.</summary>
public sealed record YamlReadResult(YamlNode? Root, Finding? Error);

/// <summary>Builds a <see cref="YamlNode"/> tree from YamlDotNet's event parser, enforcing <see cref="YamlLimits"/>.</summary>
public static class YamlTreeReader
{
    private static readonly Regex MarkPrefix = new(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant);

    public static YamlReadResult Read(string path, string text, YamlLimits? limits = null)
    {
        limits ??= YamlLimits.Default;
        if (text.Length > limits.MaxChars)
        {
            return new(null, Rules.FileTooLarge.At(
                SourceSpan.StartOf(path),
                $"The file has {text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters; programme files are limited to {limits.MaxChars.ToString("N0", CultureInfo.InvariantCulture)}."));
        }

        // A leading byte-order mark is not content; shift offsets so spans still index the original text.
        var bomOffset = 0;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
            bomOffset = 1;
        }

        if (ContainsBinary(text, out var binaryAt))
        {
            return new(null, Rules.NotText.At(
                SourceSpan.StartOf(path),
                $"The file is not UTF-8 text (a NUL or undecodable byte near character {(binaryAt + bomOffset).ToString("N0", CultureInfo.InvariantCulture)})."));
        }

        var builder = new TreeBuilder(path, bomOffset, limits);
        var parser = new Parser(new StringReader(text));
        try
        {
            var root = builder.ReadStream(parser);
            return new(root, null);
        }
        catch (LimitExceeded limit)
        {
            return new(null, limit.Finding);
        }
        catch (YamlException ex) when (builder.InnermostOpenFlow is { } open && ex.Start.Line > open.Start.Line)
        {
            // An unclosed '[' or '{' swallows the lines after it, and the parser fails far below: point at the bracket.
            return new(null, UnclosedFlow(builder, open));
        }
        catch (YamlException ex)
        {
            var message = MarkPrefix.Replace(ex.Message, string.Empty);
            var span = builder.SpanOf(ex.Start, ex.End);
            string? hint = null;
            if ((message.IndexOf("cannot start any token", StringComparison.Ordinal) >= 0 || message.IndexOf(" tab ", StringComparison.Ordinal) >= 0)
                && IndentingTab(path, text, ex.Start, bomOffset) is { } tab)
            {
                // YamlDotNet reports a tab in the indentation at the start of the enclosing mapping (often line 1): point at the tab.
                span = tab;
                hint = "YAML forbids tab characters for indentation: indent with spaces.";
            }

            return new(null, Rules.MalformedYaml.At(span, $"Malformed YAML: {message.TrimEnd('.')}.", hint));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner fails this way on some broken input (e.g. an unclosed '[' that runs into
            // block text) instead of raising a YamlException. It is still the user's YAML: point at the
            // innermost flow collection left open, or else at where the parser stopped.
            if (builder.InnermostOpenFlow is { } open)
            {
                return new(null, UnclosedFlow(builder, open));
            }

            var at = parser.Current ?? (ParsingEvent)new StreamStart();
            return new(null, Rules.MalformedYaml.At(builder.SpanOf(at.Start, at.End), "Malformed YAML: the YAML parser could not read past this point."));
        }
    }

    private static Finding UnclosedFlow(TreeBuilder builder, NodeEvent open)
    {
        var list = open is SequenceStart;
        return Rules.MalformedYaml.At(builder.SpanOf(open.Start, open.End),
            $"Malformed YAML: the flow {(list ? "list '['" : "mapping '{'")} opened here is not closed before the text that follows it.",
            $"Close it with '{(list ? ']' : '}')}' on the same line, or write the items as a block {(list ? "list" : "mapping")}.");
    }

    /// <summary>The first tab in a line's leading whitespace, from the line of <paramref name="from"/> on; null when there is none.</summary>
    private static SourceSpan? IndentingTab(string path, string text, Mark from, int offset)
    {
        var line = (int)from.Line;
        var lineStart = Math.Min(text.Length, Math.Max(0, (int)from.Index - ((int)from.Column - 1)));
        while (lineStart < text.Length)
        {
            for (var i = lineStart; i < text.Length && (text[i] == ' ' || text[i] == '\t'); i++)
            {
                if (text[i] == '\t')
                {
                    var column = i - lineStart + 1;
                    return new SourceSpan(path, i + offset, 1, line, column, line, column + 1);
                }
            }

            var next = text.IndexOf('\n', lineStart);
            if (next < 0)
            {
                break;
            }

            lineStart = next + 1;
            line++;
        }

        return null;
    }

    private static bool ContainsBinary(string text, out int index)
    {
        for (index = 0; index < text.Length; index++)
        {
            // NUL never appears in text; U+FFFD is what a decoder leaves for bytes that are not UTF-8.
            if (text[index] == '\0' || text[index] == '\uFFFD')
            {
                return true;
            }
        }

        return false;
    }

    private sealed class LimitExceeded : Exception
    {
        public LimitExceeded(Finding finding) => Finding = finding;

        public Finding Finding { get; }
    }

    private sealed class TreeBuilder
    {
        private readonly string _path;
        private readonly int _offset;
        private readonly YamlLimits _limits;
        private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
        private long _expandedNodes;

        // Flow collections ('[', '{') being read, innermost last: where to point when the scanner gives up inside one.
        private readonly List<NodeEvent> _openFlow = new();

        public NodeEvent? InnermostOpenFlow => _openFlow.Count == 0 ? null : _openFlow[_openFlow.Count - 1];

        public TreeBuilder(string path, int offset, YamlLimits limits)
        {
            _path = path;
            _offset = offset;
            _limits = limits;
        }

        public SourceSpan SpanOf(Mark start, Mark end)
        {
            var startIndex = (int)start.Index + _offset;
            var endIndex = Math.Max(startIndex, (int)end.Index + _offset);
            return new SourceSpan(_path, startIndex, endIndex - startIndex, (int)start.Line, (int)start.Column, (int)end.Line, (int)end.Column);
        }

        public YamlNode? ReadStream(IParser parser)
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = parser.Accept<DocumentEnd>(out _) ? null : ReadNode(parser, 1);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                throw new LimitExceeded(Rules.MultipleDocuments.At(
                    SpanOf(second.Start, second.End),
                    "The file holds more than one YAML document; programme files hold exactly one."));
            }

            parser.Consume<StreamEnd>();
            return root is YamlScalar { IsNull: true } ? null : root;
        }

        private YamlNode ReadNode(IParser parser, int depth)
        {
            var start = parser.Current!;
            if (depth > _limits.MaxDepth)
            {
                throw new LimitExceeded(Rules.YamlTooComplex.At(
                    SpanOf(start.Start, start.End),
                    $"The YAML nests deeper than {_limits.MaxDepth} levels."));
            }

            if (start is NodeEvent { Tag.IsEmpty: false } tagged)
            {
                throw new LimitExceeded(YamlTags.Refuse(tagged, SpanOf(tagged.Start, tagged.End)));
            }

            YamlNode node;
            switch (start)
            {
                case AnchorAlias alias:
                    parser.MoveNext();
                    if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        throw new YamlException(alias.Start, alias.End, $"The alias *{alias.Value.Value} names no anchor defined before it");
                    }

                    // Aliases share the anchored node; count what a walker would expand, and stop an alias bomb here.
                    Count(target.Weight, alias);
                    return target;

                case Scalar scalar:
                    parser.MoveNext();
                    node = new YamlScalar(SpanOf(scalar.Start, scalar.End), scalar.Value, scalar.Style == ScalarStyle.Plain);
                    Count(1, scalar);
                    break;

                case SequenceStart sequenceStart:
                {
                    parser.MoveNext();
                    Count(1, sequenceStart);
                    var items = new List<YamlNode>();
                    long weight = 1;
                    Open(sequenceStart, sequenceStart.Style == SequenceStyle.Flow);
                    while (!parser.TryConsume<SequenceEnd>(out var end))
                    {
                        var item = ReadNode(parser, depth + 1);
                        weight += item.Weight;
                        items.Add(item);
                        continue;
                    }

                    Close(sequenceStart);

                    node = new YamlSequence(SpanOf(sequenceStart.Start, sequenceStart.End), items) { Weight = weight };
                    break;
                }

                case MappingStart mappingStart:
                {
                    parser.MoveNext();
                    Count(1, mappingStart);
                    var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
                    long weight = 1;
                    Open(mappingStart, mappingStart.Style == MappingStyle.Flow);
                    while (!parser.TryConsume<MappingEnd>(out _))
                    {
                        var keyEvent = parser.Current!;
                        var key = ReadNode(parser, depth + 1);
                        if (key is not YamlScalar scalarKey || scalarKey.IsNull)
                        {
                            throw new YamlException(keyEvent.Start, keyEvent.End, "Mapping keys must be plain text, not lists, mappings or null");
                        }

                        var value = ReadNode(parser, depth + 1);
                        weight += key.Weight + value.Weight;
                        entries.Add(new(scalarKey, value));
                    }

                    Close(mappingStart);
                    node = new YamlMapping(SpanOf(mappingStart.Start, mappingStart.End), entries) { Weight = weight };
                    break;
                }

                default:
                    throw new YamlException(start.Start, start.End, $"Unexpected YAML event {start.GetType().Name}");
            }

            if (start is NodeEvent { Anchor.IsEmpty: false } anchored)
            {
                _anchors[anchored.Anchor.Value] = node;
            }

            return node;
        }

        private void Open(NodeEvent start, bool flow)
        {
            if (flow)
            {
                _openFlow.Add(start);
            }
        }

        private void Close(NodeEvent start)
        {
            if (_openFlow.Count > 0 && ReferenceEquals(_openFlow[_openFlow.Count - 1], start))
            {
                _openFlow.RemoveAt(_openFlow.Count - 1);
            }
        }

        private void Count(long nodes, ParsingEvent at)
        {
            _expandedNodes += nodes;
            if (_expandedNodes > _limits.MaxNodes)
            {
                throw new LimitExceeded(Rules.YamlTooComplex.At(
                    SpanOf(at.Start, at.End),
                    $"The YAML expands to more than {_limits.MaxNodes.ToString("N0", CultureInfo.InvariantCulture)} nodes through its aliases (a 'billion laughs' alias bomb?)."));
            }
        }
    }
}
