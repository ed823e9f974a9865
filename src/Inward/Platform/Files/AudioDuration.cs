using System.Buffers.Binary;

namespace Inward.Platform.Files;

/// <summary>
/// Reads the playing time of MP3, M4A and Ogg (Vorbis/Opus) files from their headers, without decoding audio
/// (docs/adr/0009-upload-sniffing-and-audio-duration.md). MP3: every frame header is walked (exact for CBR and VBR);
/// M4A: the movie header (mvhd) of the moov box; Ogg: the last page's granule position over the stream's sample rate.
/// </summary>
public static class AudioDuration
{
    private static readonly int[,] Mpeg1Bitrates =
    {
        { 0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448, 0 }, // layer I
        { 0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 0 },    // layer II
        { 0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0 },     // layer III
    };

    private static readonly int[,] Mpeg2Bitrates =
    {
        { 0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256, 0 }, // layer I
        { 0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0 },      // layers II and III
    };

    private static readonly int[] SampleRates = [44100, 48000, 32000];

    /// <summary>The duration in seconds, or null when the file is not a readable MP3/M4A/Ogg.</summary>
    public static TimeSpan? Read(ReadOnlySpan<byte> bytes, SniffedType type) =>
        type == FileSniffer.Mp3 ? Mp3(bytes)
        : type == FileSniffer.M4a ? M4a(bytes)
        : type == FileSniffer.Ogg ? Ogg(bytes)
        : null;

    public static bool IsMp3FrameStart(ReadOnlySpan<byte> b, int pos) =>
        pos + 4 <= b.Length && b[pos] == 0xFF && (b[pos + 1] & 0xE0) == 0xE0
        && ((b[pos + 1] >> 3) & 3) != 1 // version reserved
        && ((b[pos + 1] >> 1) & 3) != 0 // layer reserved
        && (b[pos + 2] >> 4) is not (0 or 15) // free or bad bitrate
        && ((b[pos + 2] >> 2) & 3) != 3; // sample rate reserved

    private static (int Length, int Samples, int Rate)? Mp3Frame(ReadOnlySpan<byte> b, int pos)
    {
        if (!IsMp3FrameStart(b, pos))
        {
            return null;
        }
        var version = (b[pos + 1] >> 3) & 3; // 3 = MPEG 1, 2 = MPEG 2, 0 = MPEG 2.5
        var layer = 4 - ((b[pos + 1] >> 1) & 3); // 1, 2 or 3
        var bitrateIndex = b[pos + 2] >> 4;
        var rate = SampleRates[(b[pos + 2] >> 2) & 3] / (version == 3 ? 1 : version == 2 ? 2 : 4);
        var padding = (b[pos + 2] >> 1) & 1;
        var bitrate = 1000 * (version == 3 ? Mpeg1Bitrates[layer - 1, bitrateIndex] : Mpeg2Bitrates[layer == 1 ? 0 : 1, bitrateIndex]);
        int length, samples;
        if (layer == 1)
        {
            length = (12 * bitrate / rate + padding) * 4;
            samples = 384;
        }
        else
        {
            samples = layer == 3 && version != 3 ? 576 : 1152;
            length = samples / 8 * bitrate / rate + padding;
        }
        return length < 4 ? null : (length, samples, rate);
    }

    public static int? Mp3FrameLength(ReadOnlySpan<byte> b, int pos) => Mp3Frame(b, pos)?.Length;

    private static TimeSpan? Mp3(ReadOnlySpan<byte> b)
    {
        var pos = 0;
        // ID3v2 tag: "ID3", version, flags, then a 28-bit synch-safe size (plus a 10-byte footer when flagged).
        if (b.Length >= 10 && b[0] == 'I' && b[1] == 'D' && b[2] == '3')
        {
            pos = 10 + ((b[6] & 0x7F) << 21 | (b[7] & 0x7F) << 14 | (b[8] & 0x7F) << 7 | (b[9] & 0x7F)) + ((b[5] & 0x10) != 0 ? 10 : 0);
        }
        // Allow a little junk before the first frame, as players do.
        var limit = Math.Min(b.Length, pos + 4096);
        while (pos < limit && !(Mp3Frame(b, pos) is { } f && (pos + f.Length >= b.Length || IsMp3FrameStart(b, pos + f.Length))))
        {
            pos++;
        }
        double seconds = 0;
        var frames = 0;
        while (Mp3Frame(b, pos) is { } frame && pos + frame.Length <= b.Length)
        {
            seconds += (double)frame.Samples / frame.Rate;
            frames++;
            pos += frame.Length;
        }
        return frames == 0 ? null : TimeSpan.FromSeconds(seconds);
    }

    private static TimeSpan? M4a(ReadOnlySpan<byte> b)
    {
        var moov = FindBox(b, "moov");
        if (moov is not { } m || FindBox(b.Slice(m.Start, m.Length), "mvhd") is not { } h)
        {
            return null;
        }
        var mvhd = b.Slice(m.Start + h.Start, h.Length);
        if (mvhd.Length < 20)
        {
            return null;
        }
        ulong timescale, duration;
        if (mvhd[0] == 1)
        {
            if (mvhd.Length < 32)
            {
                return null;
            }
            timescale = BinaryPrimitives.ReadUInt32BigEndian(mvhd[20..]);
            duration = BinaryPrimitives.ReadUInt64BigEndian(mvhd[24..]);
        }
        else
        {
            timescale = BinaryPrimitives.ReadUInt32BigEndian(mvhd[12..]);
            duration = BinaryPrimitives.ReadUInt32BigEndian(mvhd[16..]);
        }
        return timescale == 0 ? null : TimeSpan.FromSeconds((double)duration / timescale);
    }

    /// <summary>The payload (start, length) of the first box of this type at this level.</summary>
    internal static (int Start, int Length)? FindBox(ReadOnlySpan<byte> b, string type)
    {
        var pos = 0;
        while (ReadBox(b, pos) is { } box)
        {
            if (string.Equals(box.Type, type, StringComparison.Ordinal))
            {
                return (box.Start, box.Length);
            }
            pos = box.Start + box.Length;
        }
        return null;
    }

    /// <summary>
    /// The ISO BMFF box at <paramref name="pos"/>: its four-character type and payload (start, length), or null when
    /// no whole box starts there (end of the bytes, a size smaller than its header or running past the end).
    /// </summary>
    internal static (string Type, int Start, int Length)? ReadBox(ReadOnlySpan<byte> b, int pos)
    {
        if (pos < 0 || pos > b.Length - 8)
        {
            return null;
        }
        long size = BinaryPrimitives.ReadUInt32BigEndian(b[pos..]);
        var header = 8;
        if (size == 1)
        {
            if (pos > b.Length - 16)
            {
                return null;
            }
            size = (long)BinaryPrimitives.ReadUInt64BigEndian(b[(pos + 8)..]);
            header = 16;
        }
        else if (size == 0)
        {
            size = b.Length - pos;
        }
        if (size < header || size > b.Length - pos)
        {
            return null;
        }
        var type = string.Create(4, b.Slice(pos + 4, 4).ToArray(), (chars, bytes) =>
        {
            for (var i = 0; i < 4; i++)
            {
                chars[i] = (char)bytes[i];
            }
        });
        return (type, pos + header, (int)size - header);
    }

    private static TimeSpan? Ogg(ReadOnlySpan<byte> b)
    {
        // First page: the identification header says the codec and its sample rate.
        if (b.Length < 28 + 19 || b[0] != 'O' || b[1] != 'g' || b[2] != 'g' || b[3] != 'S')
        {
            return null;
        }
        var segments = b[26];
        var packet = 27 + segments;
        if (packet + 19 > b.Length)
        {
            return null;
        }
        double rate;
        long skip = 0;
        var id = b[packet..];
        if (id[0] == 1 && id[1] == 'v' && id[2] == 'o' && id[3] == 'r' && id[4] == 'b' && id[5] == 'i' && id[6] == 's')
        {
            rate = BinaryPrimitives.ReadUInt32LittleEndian(id[12..]);
        }
        else if (id[0] == 'O' && id[1] == 'p' && id[2] == 'u' && id[3] == 's' && id[4] == 'H' && id[5] == 'e' && id[6] == 'a' && id[7] == 'd')
        {
            rate = 48000; // Opus granule positions always count 48 kHz samples.
            skip = BinaryPrimitives.ReadUInt16LittleEndian(id[10..]);
        }
        else
        {
            return null;
        }
        // Last page: search backwards for "OggS" and read its granule position.
        for (var pos = b.Length - 27; pos >= 0; pos--)
        {
            if (b[pos] == 'O' && b[pos + 1] == 'g' && b[pos + 2] == 'g' && b[pos + 3] == 'S' && b[pos + 4] == 0)
            {
                var granule = BinaryPrimitives.ReadInt64LittleEndian(b[(pos + 6)..]);
                return rate <= 0 || granule < 0 ? null : TimeSpan.FromSeconds(Math.Max(0, granule - skip) / rate);
            }
        }
        return null;
    }

    /// <summary>
    /// A valid, silent MPEG-1 Layer III file (32 kbit/s, 44.1 kHz, mono) of about <paramref name="seconds"/>: frames whose
    /// side information and main data are all zero, which every decoder plays as silence. Used for demo episodes and tests.
    /// </summary>
    public static byte[] SilentMp3(double seconds)
    {
        const int frameLength = 104; // 144 × 32000 / 44100, no padding
        var frames = Math.Max(1, (int)Math.Round(seconds * 44100 / 1152));
        var bytes = new byte[frames * frameLength];
        for (var i = 0; i < frames; i++)
        {
            var at = i * frameLength;
            bytes[at] = 0xFF;
            bytes[at + 1] = 0xFB; // MPEG-1, layer III, no CRC
            bytes[at + 2] = 0x10; // 32 kbit/s, 44.1 kHz, no padding
            bytes[at + 3] = 0xC4; // mono, original
        }
        return bytes;
    }
}
