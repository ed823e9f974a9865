using System.Buffers.Binary;
using System.Text;

namespace Inward.Tests.Settings;

/// <summary>Builds tiny PNG, JPEG and WebP files byte by byte, with whatever metadata a test needs.</summary>
public static class TestImages
{
    public static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] PngChunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    public static byte[] Ihdr(uint width, uint height)
    {
        var data = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(data, width);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(4), height);
        data[8] = 8; // bit depth
        data[9] = 6; // RGBA
        return PngChunk("IHDR", data);
    }

    /// <summary>A 1×1 (or given size) PNG, optionally with metadata chunks between IHDR and IDAT and bytes after IEND.</summary>
    public static byte[] Png(uint width = 1, uint height = 1, byte[][]? extraChunks = null, byte[]? trailer = null) =>
        [
            .. PngSignature,
            .. Ihdr(width, height),
            .. (extraChunks ?? []).SelectMany(c => c),
            .. PngChunk("IDAT", [0x78, 0x9C, 0x63, 0x60, 0x00, 0x02, 0x00, 0x00, 0x05, 0x00, 0x01]),
            .. PngChunk("IEND", []),
            .. trailer ?? [],
        ];

    public static byte[] JpegSegment(byte marker, byte[] data)
    {
        var segment = new byte[4 + data.Length];
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(data.Length + 2));
        data.CopyTo(segment, 4);
        return segment;
    }

    public static byte[] Sof0(ushort width, ushort height)
    {
        var data = new byte[] { 8, 0, 0, 0, 0, 1, 1, 0x11, 0 };
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(1), height);
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(3), width);
        return JpegSegment(0xC0, data);
    }

    public static readonly byte[] JpegScanData = [0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0x78];

    /// <summary>A structurally valid JPEG: SOI, optional segments, DQT, SOF0, DHT, SOS + scan data, EOI, optional trailer.</summary>
    public static byte[] Jpeg(ushort width = 1, ushort height = 1, byte[][]? extraSegments = null, byte[]? trailer = null) =>
        [
            0xFF, 0xD8,
            .. JpegSegment(0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
            .. (extraSegments ?? []).SelectMany(s => s),
            .. JpegSegment(0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]),
            .. Sof0(width, height),
            .. JpegSegment(0xC4, [0, 1, .. new byte[15], 0]),
            .. JpegSegment(0xDA, [1, 1, 0, 0, 63, 0]),
            .. JpegScanData,
            0xFF, 0xD9,
            .. trailer ?? [],
        ];

    public static byte[] WebPChunk(string type, byte[] data)
    {
        var padded = data.Length + (data.Length & 1);
        var chunk = new byte[8 + padded];
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), (uint)data.Length);
        data.CopyTo(chunk, 8);
        return chunk;
    }

    public static byte[] Vp8L(int width, int height)
    {
        var data = new byte[5 + 4];
        data[0] = 0x2F;
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(1), (uint)((width - 1) | ((height - 1) << 14)));
        return WebPChunk("VP8L", data);
    }

    public static byte[] Vp8X(byte flags, int width, int height)
    {
        var data = new byte[10];
        data[0] = flags;
        data[4] = (byte)(width - 1);
        data[5] = (byte)((width - 1) >> 8);
        data[6] = (byte)((width - 1) >> 16);
        data[7] = (byte)(height - 1);
        data[8] = (byte)((height - 1) >> 8);
        data[9] = (byte)((height - 1) >> 16);
        return WebPChunk("VP8X", data);
    }

    public static byte[] WebP(params byte[][] chunks)
    {
        var body = chunks.SelectMany(c => c).ToArray();
        var file = new byte[12 + body.Length];
        "RIFF"u8.CopyTo(file);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)(4 + body.Length));
        "WEBP"u8.CopyTo(file.AsSpan(8));
        body.CopyTo(file, 12);
        return file;
    }

    public static bool Contains(byte[] haystack, string ascii) => haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(ascii)) >= 0;

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
