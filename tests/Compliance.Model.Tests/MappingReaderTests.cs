using System;
using System.Linq;
using Compliance.Model.Binding;
using Compliance.Model.Diagnostics;
using Compliance.Model.Yaml;

namespace Compliance.Model.Tests;

/// <summary>Reading typed fields: strict dates, strict booleans, bounded integers, and findings instead of exceptions.</summary>
public sealed class MappingReaderTests
{
    private static (MappingReader Reader, FileContext Context) Open(string yaml)
    {
        var context = new FileContext("/repo/x.yaml");
        var read = YamlTreeReader.Read(context.Path, yaml);
        Assert.Null(read.Error);
        return (MappingReader.Open(context, read.Root, "the test")!, context);
    }

    private static Finding SingleFinding(FileContext context, string ruleId, int line, int column)
    {
        var finding = Assert.Single(context.Findings);
        Assert.Equal(ruleId, finding.RuleId);
        Assert.Equal((line, column), (finding.Location!.Line, finding.Location.Column));
        return finding;
    }

    [Theory]
    [InlineData("2024-02-29", 2024, 2, 29)] // a leap day
    [InlineData("2026-12-31", 2026, 12, 31)]
    [InlineData("'2026-01-15'", 2026, 1, 15)] // quoting does not matter for dates
    public void Calendar_dates_are_read(string value, int year, int month, int day)
    {
        var (reader, context) = Open($"d: {value}\n");
        Assert.Equal(new DateTime(year, month, day), reader.Date("d", required: true));
        Assert.Empty(context.Findings);
    }

    [Theory]
    [InlineData("2025-02-29")] // not a leap year
    [InlineData("2026-13-01")]
    [InlineData("2026-1-5")]
    [InlineData("26-01-05")]
    [InlineData("2026-01-05T10:00:00")]
    [InlineData("15/01/2026")]
    public void Other_dates_are_invalid_values(string value)
    {
        var (reader, context) = Open($"d: {value}\n");
        Assert.Null(reader.Date("d", required: true));
        var finding = SingleFinding(context, "CMP0015", 1, 4);
        Assert.Equal($"The field 'd' of the test is '{value}', which is not a calendar date.", finding.Message);
        Assert.Equal("Write the date as YYYY-MM-DD, e.g. 2026-01-31.", finding.Fix);
    }

    [Fact]
    public void Date_that_is_a_list_is_the_wrong_type()
    {
        var (reader, context) = Open("d: [2026-01-01]\n");
        Assert.Null(reader.Date("d", required: true));
        Assert.Equal("The field 'd' of the test must be a date (YYYY-MM-DD), but is a list.", SingleFinding(context, "CMP0010", 1, 4).Message);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("True", true)]
    [InlineData("FALSE", false)]
    public void Yaml_one_two_booleans_are_read(string value, bool expected)
    {
        var (reader, context) = Open($"b: {value}\n");
        Assert.Equal(expected, reader.Bool("b", required: true));
        Assert.Empty(context.Findings);
    }

    [Theory]
    [InlineData("yes", "true")]
    [InlineData("Yes", "true")]
    [InlineData("on", "true")]
    [InlineData("y", "true")]
    [InlineData("no", "false")]
    [InlineData("off", "false")]
    [InlineData("N", "false")]
    public void Yaml_one_one_booleans_are_refused_with_the_spelling_to_use(string value, string replacement)
    {
        var (reader, context) = Open($"b: {value}\n");
        Assert.Null(reader.Bool("b", required: true));
        var finding = SingleFinding(context, "CMP0010", 1, 4);
        Assert.Equal($"The field 'b' of the test must be true or false, but is '{value}'.", finding.Message);
        Assert.Equal($"Write b: {replacement}; '{value}' is a YAML 1.1 boolean that other tools read as text.", finding.Fix);
    }

    [Theory]
    [InlineData("'true'")]
    [InlineData("\"false\"")]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData("truthy")]
    public void Quoted_or_numeric_booleans_are_the_wrong_type(string value)
    {
        var (reader, context) = Open($"b: {value}\n");
        Assert.Null(reader.Bool("b", required: true));
        Assert.Equal(Rules.WrongType.Fix, SingleFinding(context, "CMP0010", 1, 4).Fix);
    }

    [Fact]
    public void Optional_boolean_may_be_absent_or_null()
    {
        var (reader, context) = Open("a: 1\nb: ~\n");
        Assert.Null(reader.Bool("missing", required: false));
        Assert.Null(reader.Bool("b", required: false));
        Assert.Empty(context.Findings);
    }

    [Theory]
    [InlineData("0", 1, 10, "The field 'n' of the test is 0; it must lie between 1 and 10.")]
    [InlineData("11", 1, 10, "The field 'n' of the test is 11; it must lie between 1 and 10.")]
    public void Integers_out_of_range_are_invalid_values(string value, int min, int max, string message)
    {
        var (reader, context) = Open($"n: {value}\n");
        Assert.Null(reader.Int("n", required: true, min, max));
        Assert.Equal(message, SingleFinding(context, "CMP0015", 1, 4).Message);
    }

    [Theory]
    [InlineData("0x10")]
    [InlineData("1_000")]
    [InlineData("1.5")]
    [InlineData("'5'")]
    public void Integers_must_be_plain_decimal_numbers(string value)
    {
        var (reader, context) = Open($"n: {value}\n");
        Assert.Null(reader.Int("n", required: true, 0, 10_000));
        SingleFinding(context, "CMP0010", 1, 4);
    }

    [Fact]
    public void Enum_suggests_the_closest_value()
    {
        var (reader, context) = Open("s: automatd\n");
        Assert.Null(reader.Enum("s", required: true, "automated", "manual"));
        var finding = SingleFinding(context, "CMP0015", 1, 4);
        Assert.Equal("The field 's' of the test is 'automatd', which is not one of: automated, manual.", finding.Message);
        Assert.Equal("Did you mean 'automated'?", finding.Fix);
    }

    [Fact]
    public void Finish_reports_keys_nobody_asked_for_in_file_order()
    {
        var (reader, context) = Open("zeta: 1\nTitle: x\ntitel: y\n<<: {}\n");
        reader.String("title", required: false);
        reader.Finish();
        Assert.Equal(
            new[] { ("CMP0011", 1), ("CMP0014", 2), ("CMP0011", 3), ("CMP0011", 4) },
            context.Findings.Select(f => (f.RuleId, f.Location!.Line)));
        Assert.Equal("The test has an unknown key 'zeta'. Fix: Remove 'zeta'. Known keys here: title.", context.Findings[0].Text);
        Assert.Equal("The test has an unknown key 'titel'. Did you mean 'title'?", context.Findings[2].Message);
    }

    [Fact]
    public void References_refuse_repeats_and_ids_with_spaces()
    {
        var (reader, context) = Open("ids: [A, B, A, 'C D']\n");
        var ids = reader.References("ids");
        Assert.Equal(new[] { "A", "B" }, ids.Select(i => i.Value));
        Assert.Equal(new[] { ("CMP0020", 13), ("CMP0016", 16) }, context.Findings.Select(f => (f.RuleId, f.Location!.Column)));
    }
}
