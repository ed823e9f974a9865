using System.Buffers.Binary;

namespace Inward.Features.Settings;

public enum LogoProblem { None, Empty, TooLarge, NotAnImage, Malformed, TooManyPixels }

/// <summary>A checked logo: the cleaned bytes and the extension to store them under, or the reason it was refused.</summary>
public sealed record LogoCheck(LogoProblem Problem, byte[] Bytes, string Extension, int Width, int Height)
{
    public bool Ok => Problem == LogoProblem.None;

    public static LogoCheck Refused(LogoProblem problem) => new(problem, [], "", 0, 0);
}

/// <summary>
/// Checks an uploaded logo without decoding it: PNG, JPEG or WebP by magic bytes (SVG, HTML and everything else
/// refused), at most 1 MB, at most 4096 px per side as declared in the header (keeps decompression bombs out),
/// and rewrites the file without metadata (EXIF, XMP, text chunks, comments) and without trailing bytes.
/// </summary>
public static class LogoImage
{
    public const int MaxBytes = 1024 * 1024;
    public const int MaxSide = 4096;

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>PNG chunks kept: the critical ones and the ancillary ones that change how the pixels look.</summary>
    private static readonly HashSet<string> PngKeep = new(StringComparer.Ordinal) { "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "sRGB", "iCCP" };

    /// <summary>WebP chunks kept; EXIF, XMP and unknown chunks are dropped.</summary>
    private static readonly HashSet<string> WebPKeep = new(StringComparer.Ordinal) { "VP8 ", "VP8L", "VP8X", "ALPH", "ICCP", "ANIM", "ANMF" };

    public static LogoCheck Check(ReadOnlySpan<byte> file) => Check(file, MaxBytes);

    /// <summary>The same check with another size limit (post images use Files:MaxImageBytes).</summary>
    public static LogoCheck Check(ReadOnlySpan<byte> file, long maxBytes)
    {
        if (file.IsEmpty)
        {
            return LogoCheck.Refused(LogoProblem.Empty);
        }
        if (file.Length > maxBytes)
        {
            return LogoCheck.Refused(LogoProblem.TooLarge);
        }
        return Settings.LogoStore.ExtensionFor(file) switch
        {
            ".png" => Png(file),
            ".jpg" => Jpeg(file),
            ".webp" => WebP(file),
            _ => LogoCheck.Refused(LogoProblem.NotAnImage),
        };
    }

    private static LogoCheck Sized(byte[] bytes, string extension, long width, long height) =>
        width <= 0 || height <= 0 ? LogoCheck.Refused(LogoProblem.Malformed)
        : width > MaxSide || height > MaxSide ? LogoCheck.Refused(LogoProblem.TooManyPixels)
        : new LogoCheck(LogoProblem.None, bytes, extension, (int)width, (int)height);

    private static LogoCheck Png(ReadOnlySpan<byte> file)
    {
        var output = new List<byte>(file.Length);
        output.AddRange(PngSignature);
        var pos = PngSignature.Length;
        long width = 0, height = 0;
        var first = true;
        while (true)
        {
            if (pos + 12 > file.Length)
            {
                return LogoCheck.Refused(LogoProblem.Malformed);
            }
            var length = BinaryPrimitives.ReadUInt32BigEndian(file[pos..]);
            if (length > (uint)(file.Length - pos - 12))
            {
                return LogoCheck.Refused(LogoProblem.Malformed);
            }
            var type = System.Text.Encoding.ASCII.GetString(file.Slice(pos + 4, 4));
            var chunk = file.Slice(pos, 12 + (int)length);
            if (first)
            {
                if (type != "IHDR" || length != 13)
                {
                    return LogoCheck.Refused(LogoProblem.Malformed);
                }
                width = BinaryPrimitives.ReadUInt32BigEndian(file[(pos + 8)..]);
                height = BinaryPrimitives.ReadUInt32BigEndian(file[(pos + 12)..]);
                first = false;
            }
            if (PngKeep.Contains(type))
            {
                output.AddRange(chunk);
            }
            pos += chunk.Length;
            if (type == "IEND")
            {
                return Sized([.. output], ".png", width, height);
            }
        }
    }

    private static LogoCheck Jpeg(ReadOnlySpan<byte> file)
    {
        var output = new List<byte>(file.Length) { 0xFF, 0xD8 };
        var pos = 2;
        long width = 0, height = 0;
        var sawFrame = false;
        while (true)
        {
            if (pos + 2 > file.Length || file[pos] != 0xFF)
            {
                return LogoCheck.Refused(LogoProblem.Malformed);
            }
            // Any number of 0xFF fill bytes may precede a marker.
            while (pos + 1 < file.Length && file[pos + 1] == 0xFF)
            {
                pos++;
            }
            if (pos + 2 > file.Length)
            {
                return LogoCheck.Refused(LogoProblem.Malformed);
            }
            var marker = file[pos + 1];
            if (marker == 0xD9)
            {
                output.Add(0xFF);
                output.Add(0xD9);
                return sawFrame ? Sized([.. output], ".jpg", width, height) : LogoCheck.Refused(LogoProblem.Malformed);
            }
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                output.Add(0xFF);
                output.Add(marker);
                pos += 2;
                continue;
            }
            if (marker is 0x00 or 0xD8 || pos + 4 > file.Length)
            {
                return LogoCheck.Refused(LogoProblem.Malformed);
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(file[(pos + 2)..]);
            if (length < 2 || pos + 2 + length > file.Length)
            {
                return LogoCheck.Refused(LogoProblem.Malformed);
            }
            var segment = file.Slice(pos, 2 + length);
            // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (length < 8)
                {
                    return LogoCheck.Refused(LogoProblem.Malformed);
                }
                height = BinaryPrimitives.ReadUInt16BigEndian(segment[5..]);
                width = BinaryPrimitives.ReadUInt16BigEndian(segment[7..]);
                if (width > MaxSide || height > MaxSide)
                {
                    return LogoCheck.Refused(LogoProblem.TooManyPixels);
                }
                sawFrame = true;
            }
            // APP1..APP15 hold EXIF, XMP, ICC, vendor data; COM holds free text. APP0 (JFIF) stays.
            var drop = marker is (>= 0xE1 and <= 0xEF) or 0xFE;
            if (!drop)
            {
                output.AddRange(segment);
            }
            pos += segment.Length;
            if (marker == 0xDA)
            {
                if (!sawFrame)
                {
                    return LogoCheck.Refused(LogoProblem.Malformed);
                }
                // Entropy-coded data runs until a marker that is neither a stuffed 0xFF00 nor a restart marker.
                var start = pos;
                while (pos + 1 < file.Length && !(file[pos] == 0xFF && file[pos + 1] is not 0x00 and not (>= 0xD0 and <= 0xD7)))
                {
                    pos++;
                }
                if (pos + 1 >= file.Length)
                {
                    return LogoCheck.Refused(LogoProblem.Malformed);
                }
                output.AddRange(file[start..pos]);
            }
        }
    }

    private static LogoCheck WebP(ReadOnlySpan<byte> file)
    {
        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(file[4..]);
        if (file.Length < 20 || riffSize < 4 || riffSize > file.Length - 8)
        {
            return LogoCheck.Refused(LogoProblem.Malformed);
        }
        var end = 8 + (int)riffSize;
        var output = new List<byte>(file.Length);
        output.AddRange(file[..12]);
        var pos = 12;
        long width = 0, height = 0;
        var vp8xAt = -1;
        var sawImage = false;
        while (pos < end)
        {
            if (pos + 8 > end)
            {
                return LogoCheck.Refused(LogoProblem.Malformed);
            }
            var type = System.Text.Encoding.ASCII.GetString(file.Slice(pos, 4));
            var size = BinaryPrimitives.ReadUInt32LittleEndian(file[(pos + 4)..]);
            var padded = (long)size + (size & 1);
            if (padded > end - pos - 8)
            {
                return LogoCheck.Refused(LogoProblem.Malformed);
            }
            var data = file.Slice(pos + 8, (int)size);
            var isFirst = pos == 12;
            switch (type)
            {
                case "VP8X" when isFirst && size >= 10:
                    width = 1 + (data[4] | (data[5] << 8) | (data[6] << 16));
                    height = 1 + (data[7] | (data[8] << 8) | (data[9] << 16));
                    vp8xAt = output.Count;
                    break;
                case "VP8 " when size >= 10 && data[3] == 0x9D && data[4] == 0x01 && data[5] == 0x2A:
                    if (vp8xAt < 0)
                    {
                        width = BinaryPrimitives.ReadUInt16LittleEndian(data[6..]) & 0x3FFF;
                        height = BinaryPrimitives.ReadUInt16LittleEndian(data[8..]) & 0x3FFF;
                    }
                    sawImage = true;
                    break;
                case "VP8L" when size >= 5 && data[0] == 0x2F:
                    if (vp8xAt < 0)
                    {
                        var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[1..]);
                        width = 1 + (bits & 0x3FFF);
                        height = 1 + ((bits >> 14) & 0x3FFF);
                    }
                    sawImage = true;
                    break;
                case "ANMF":
                    sawImage = true;
                    break;
                case "VP8X" or "VP8 " or "VP8L":
                    return LogoCheck.Refused(LogoProblem.Malformed);
            }
            if (WebPKeep.Contains(type))
            {
                output.AddRange(file.Slice(pos, 8 + (int)padded));
            }
            pos += 8 + (int)padded;
        }
        if (!sawImage)
        {
            return LogoCheck.Refused(LogoProblem.Malformed);
        }
        var bytes = output.ToArray();
        // The metadata is gone: clear the EXIF (0x08) and XMP (0x04) flags of VP8X and fix the RIFF size.
        if (vp8xAt >= 0)
        {
            bytes[vp8xAt + 8] &= unchecked((byte)~0x0C);
        }
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        return Sized(bytes, ".webp", width, height);
    }
}
