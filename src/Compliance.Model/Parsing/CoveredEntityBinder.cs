using Compliance.Model.Binding;
using Compliance.Model.Documents;
using Compliance.Model.Text;

namespace Compliance.Model.Parsing;

/// <summary>The programme's covered-entity customers: the BAA terms that set a business associate's breach clock.</summary>
internal static class CoveredEntityBinder
{
    public const int RegulationNoticeDays = BreachNoticeLimit.Days;

    public static EquatableArray<CoveredEntityDefinition> Bind(MappingReader programme) =>
        ListBinding.Each(programme, "covered_entities", required: false, "covered entity", entry =>
        {
            var id = ListBinding.IdentifiedAs(entry, "covered entity");
            var name = entry.String("name", required: true);
            var noticeDays = entry.Int("notice_days", required: false, 0, RegulationNoticeDays);
            var agreement = entry.Reference("agreement", required: false);
            var delegates = NoticeDelegation.None;
            if (entry.Mapping("delegates", required: false, $"the notices {entry.What} delegated") is { } delegated)
            {
                delegates = new NoticeDelegation(
                    delegated.Bool("individuals", required: false) ?? false,
                    delegated.Bool("media", required: false) ?? false,
                    delegated.Bool("hhs", required: false) ?? false);
                delegated.Finish();
            }

            return id is null || name is null ? null : new CoveredEntityDefinition(id, name, noticeDays, delegates, agreement, entry.Span);
        });
}
