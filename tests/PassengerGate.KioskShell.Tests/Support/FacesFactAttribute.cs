namespace PassengerGate.KioskShell.Tests.Support;

/// <summary>A test that needs the shared face photos: skipped, saying where they were looked for, when they are absent (under CI=true it runs and fails).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FacesFactAttribute : FactAttribute
{
    public FacesFactAttribute()
    {
        if (!Faces.Available && !PassengerGate.TestSupport.SharedFaces.InContinuousIntegration)
        {
            Skip = $"The shared face photos are absent ({Faces.Folder}); set PASSENGERGATE_SHARED to the folder holding faces/.";
        }
    }
}
