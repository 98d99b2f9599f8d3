using System.IO.Compression;

namespace PassengerGate.Contracts.PreDeclarations;

/// <summary>zlib (RFC 1950) as the EU DCC uses it between COSE and Base45 (hcert_spec.md §4).</summary>
public static class Zlib
{
    /// <summary>Bounds decompression so a crafted QR cannot expand into an allocation bomb.</summary>
    public const int MaxInflatedBytes = 64 * 1024;

    public static byte[] Compress(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>Inflates, or returns false for data that is not a complete zlib stream or inflates past the bound.</summary>
    public static bool TryDecompress(byte[] compressed, out byte[] data)
    {
        ArgumentNullException.ThrowIfNull(compressed);
        data = [];
        try
        {
            using var input = new MemoryStream(compressed, writable: false);
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[4096];
            int read;
            while ((read = zlib.Read(buffer)) > 0)
            {
                if (output.Length + read > MaxInflatedBytes)
                {
                    return false;
                }

                output.Write(buffer, 0, read);
            }

            if (output.Length == 0)
            {
                return false;
            }

            data = output.ToArray();
            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
