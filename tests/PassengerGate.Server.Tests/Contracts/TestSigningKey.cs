using System.Security.Cryptography;
using PassengerGate.Contracts.PreDeclarations;

namespace PassengerGate.Server.Tests.Contracts;

/// <summary>A fresh P-256 key and its published form, in force for the given window.</summary>
internal sealed class TestSigningKey : IDisposable
{
    public TestSigningKey(DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var spki = Key.ExportSubjectPublicKeyInfo();
        Published = new PublishedKey(PublishedKey.KidOf(spki), PublishedKey.Es256, spki, notBefore, notAfter);
    }

    public ECDsa Key { get; }

    public PublishedKey Published { get; }

    public string Kid => Published.Kid;

    public void Dispose() => Key.Dispose();
}
