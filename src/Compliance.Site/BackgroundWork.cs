using System;
using System.Threading.Tasks;

namespace Compliance.Site;

/// <summary>Work the site runs beside the thread that needs its answer.</summary>
internal static class BackgroundWork
{
    /// <summary>
    /// Waits for a task whose failure, if any, is observed elsewhere (through GetResult by whoever needs its answer) or is
    /// overtaken by an exception already on its way out; never returns while the task still runs.
    /// </summary>
    public static void WaitQuietly(Task? task)
    {
        try
        {
            task?.Wait();
        }
        catch (AggregateException)
        {
            // Observed elsewhere, as above.
        }
    }
}
