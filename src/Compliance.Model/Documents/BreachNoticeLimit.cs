namespace Compliance.Model.Documents;

/// <summary>The Breach Notification Rule's outer limit, in one place: no later than 60 calendar days after discovery (164.404(b), 164.410(b)).</summary>
public static class BreachNoticeLimit
{
    public const int Days = 60;
}
