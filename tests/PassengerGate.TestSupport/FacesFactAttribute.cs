using Xunit;

namespace PassengerGate.TestSupport;

/// <summary>A fact that needs the shared face images; skipped, saying where to put them, when they are absent (under CI=true it runs and fails).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FacesFactAttribute : FactAttribute
{
    public FacesFactAttribute()
    {
        if (SharedFaces.Directory is null && !SharedFaces.InContinuousIntegration)
        {
            Skip = SharedFaces.SkipReason;
        }
    }
}
