namespace PassengerGate.Domain.Arrival;

public enum Lane
{
    /// <summary>Released through the face-recognition e-gate without inspection.</summary>
    Green,

    /// <summary>To an officer at the counter.</summary>
    Red,
}
