namespace PeerLink.Grains.People;

public static class WeeklySchedule
{
    /// <summary>True when no windows are set (no schedule means "whenever I say I'm available"), or now falls in one.</summary>
    public static bool IsInside(IReadOnlyList<WeeklyWindow> windows, string timeZone, DateTimeOffset now)
    {
        if (windows.Count == 0)
        {
            return true;
        }

        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var clock = TimeOnly.FromDateTime(local.DateTime);
        return windows.Any(w => w.Day == local.DayOfWeek && clock >= w.Start && clock < w.End);
    }
}
