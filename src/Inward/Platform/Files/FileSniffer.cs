using System.IO.Compression;
using System.Text;

namespace Inward.Platform.Files;

/// <summary>A type recognised from a file's bytes: its use, MIME type, canonical extension and the extensions and MIME types that may name it.</summary>
public sealed record SniffedType(string Name, FileUse Use, string ContentType, string Extension, string[] Extensions, string[] ContentTypes);

/// <summary>
/// Recognises a file's type from its bytes (magic numbers and, for Office files and text, a look inside): PNG, JPEG, GIF,
/// WebP, PDF, DOCX, XLSX, PPTX, plain text, CSV, MP3, M4A, Ogg, MP4 video and WebM. Everything else — SVG, HTML, executables, archives,
/// macro-enabled Office files — is unknown (null) and so refused. See docs/adr/0009-upload-sniffing-and-audio-duration.md.
/// </summary>
public static class FileSniffer
{
    public static readonly SniffedType Png = new("PNG", FileUse.Image, "image/png", ".png", [".png"], ["image/png", "image/x-png"]);
    public static readonly SniffedType Jpeg = new("JPEG", FileUse.Image, "image/jpeg", ".jpg", [".jpg", ".jpeg", ".jpe", ".jfif"], ["image/jpeg", "image/pjpeg", "image/jpg"]);
    public static readonly SniffedType Gif = new("GIF", FileUse.Image, "image/gif", ".gif", [".gif"], ["image/gif"]);
    public static readonly SniffedType WebP = new("WebP", FileUse.Image, "image/webp", ".webp", [".webp"], ["image/webp"]);
    public static readonly SniffedType Pdf = new("PDF", FileUse.Document, "application/pdf", ".pdf", [".pdf"], ["application/pdf", "application/x-pdf"]);
    public static readonly SniffedType Docx = new("Word document", FileUse.Document, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".docx", [".docx"], ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/zip", "application/x-zip-compressed"]);
    public static readonly SniffedType Xlsx = new("Excel workbook", FileUse.Document, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".xlsx", [".xlsx"], ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip", "application/x-zip-compressed"]);
    public static readonly SniffedType Pptx = new("PowerPoint presentation", FileUse.Document, "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ".pptx", [".pptx"], ["application/vnd.openxmlformats-officedocument.presentationml.presentation", "application/zip", "application/x-zip-compressed"]);
    public static readonly SniffedType Text = new("text", FileUse.Document, "text/plain", ".txt", [".txt", ".text", ".md", ".log"], ["text/plain", "text/markdown"]);
    public static readonly SniffedType Csv = new("CSV", FileUse.Document, "text/csv", ".csv", [".csv"],
        ["text/csv", "text/plain", "application/csv", "text/x-csv", "application/vnd.ms-excel"]);
    public static readonly SniffedType Mp3 = new("MP3", FileUse.Audio, "audio/mpeg", ".mp3", [".mp3"], ["audio/mpeg", "audio/mp3", "audio/mpeg3", "audio/x-mpeg-3"]);
    public static readonly SniffedType M4a = new("M4A", FileUse.Audio, "audio/mp4", ".m4a", [".m4a", ".mp4", ".aac"], ["audio/mp4", "audio/x-m4a", "audio/m4a", "audio/aac", "video/mp4"]);
    public static readonly SniffedType Ogg = new("Ogg", FileUse.Audio, "audio/ogg", ".ogg", [".ogg", ".oga", ".opus"], ["audio/ogg", "application/ogg", "audio/opus", "audio/vorbis"]);
    public static readonly SniffedType Mp4 = new("MP4 video", FileUse.Video, "video/mp4", ".mp4", [".mp4", ".m4v"], ["video/mp4", "video/x-m4v", "application/mp4"]);
    public static readonly SniffedType WebM = new("WebM", FileUse.Video, "video/webm", ".webm", [".webm"], ["video/webm", "audio/webm"]);

    public static readonly IReadOnlyList<SniffedType> All = [Png, Jpeg, Gif, WebP, Pdf, Docx, Xlsx, Pptx, Text, Csv, Mp3, M4a, Ogg, Mp4, WebM];

    /// <summary>The types allowed for a use (images never include SVG; documents never HTML).</summary>
    public static IReadOnlyList<SniffedType> AllowedFor(FileUse use) => [.. All.Where(t => t.Use == use)];

    /// <summary>
    /// The type of <paramref name="bytes"/>, or null when it is none of the known types. The file name's extension only
    /// chooses between text and CSV, which have no magic number.
    /// </summary>
    public static SniffedType? Sniff(ReadOnlySpan<byte> bytes, string? fileName = null)
    {
        if (bytes.IsEmpty)
        {
            return null;
        }
        switch (bytes)
        {
            case [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..]:
                return Png;
            case [0xFF, 0xD8, 0xFF, ..]:
                return Jpeg;
            case [0x47, 0x49, 0x46, 0x38, 0x37 or 0x39, 0x61, ..]:
                return Gif;
            case [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..]:
                return WebP;
            case [0x25, 0x50, 0x44, 0x46, 0x2D, ..]:
                return Pdf;
            case [0x50, 0x4B, 0x03, 0x04, ..]:
                return OfficeOpenXml(bytes);
            case [0x4F, 0x67, 0x67, 0x53, ..]:
                return Ogg;
            case [0x49, 0x44, 0x33, ..]:
                return Mp3;
            case [0x1A, 0x45, 0xDF, 0xA3, ..]:
                return IsWebM(bytes) ? WebM : null;
            case [_, _, _, _, 0x66, 0x74, 0x79, 0x70, ..]:
                return IsoMedia(bytes);
        }
        if (AudioDuration.IsMp3FrameStart(bytes, 0) && AudioDuration.Mp3FrameLength(bytes, 0) is { } length
            && (bytes.Length <= length || AudioDuration.IsMp3FrameStart(bytes, length)))
        {
            return Mp3;
        }
        return IsPlainText(bytes)
            ? string.Equals(Path.GetExtension(fileName ?? ""), ".csv", StringComparison.OrdinalIgnoreCase) ? Csv : Text
            : null;
    }

    /// <summary>
    /// An ISO BMFF file (ftyp box): MP4 video when a track's handler (moov/trak/mdia/hdlr) is "vide", else M4A audio when
    /// the brand is an audio or generic MP4 brand. Generic brands (isom, mp42, ...) name both, so the tracks decide.
    /// </summary>
    private static SniffedType? IsoMedia(ReadOnlySpan<byte> bytes)
    {
        var brand = Encoding.ASCII.GetString(bytes.Slice(8, Math.Min(4, bytes.Length - 8)));
        var audioBrand = brand is "M4A " or "M4B " or "mp42" or "isom" or "mp41" or "iso2" or "dash";
        var videoBrand = brand is "M4V " or "avc1" or "iso4" or "iso5" or "iso6";
        if (!audioBrand && !videoBrand)
        {
            return null;
        }
        return HasVideoTrack(bytes) ? Mp4 : audioBrand ? M4a : null;
    }

    /// <summary>Whether the top-level moov box has a trak whose mdia/hdlr handler type is "vide"; every box is bounds-checked.</summary>
    public static bool HasVideoTrack(ReadOnlySpan<byte> bytes)
    {
        if (AudioDuration.FindBox(bytes, "moov") is not { } moov)
        {
            return false;
        }
        var tracks = bytes.Slice(moov.Start, moov.Length);
        var pos = 0;
        while (AudioDuration.ReadBox(tracks, pos) is { } box)
        {
            if (box.Type == "trak"
                && AudioDuration.FindBox(tracks.Slice(box.Start, box.Length), "mdia") is { } mdia
                && AudioDuration.FindBox(tracks.Slice(box.Start + mdia.Start, mdia.Length), "hdlr") is { } hdlr
                && hdlr.Length >= 12
                && tracks.Slice(box.Start + mdia.Start + hdlr.Start + 8, 4).SequenceEqual("vide"u8))
            {
                return true;
            }
            pos = box.Start + box.Length;
        }
        return false;
    }

    /// <summary>
    /// A WebM file: after the EBML magic, the EBML header's DocType element (id 0x4282) says "webm" (Matroska files
    /// say "matroska" and are not accepted). Element ids and sizes are EBML variable-length integers, bounds-checked.
    /// </summary>
    private static bool IsWebM(ReadOnlySpan<byte> bytes)
    {
        var pos = 4;
        if (ReadVint(bytes, ref pos, keepMarker: false) is not { } headerSize)
        {
            return false;
        }
        var end = headerSize > (ulong)(bytes.Length - pos) ? bytes.Length : pos + (int)headerSize;
        while (pos < end)
        {
            if (ReadVint(bytes, ref pos, keepMarker: true) is not { } id || ReadVint(bytes, ref pos, keepMarker: false) is not { } size
                || size > (ulong)(end - pos))
            {
                return false;
            }
            if (id == 0x4282)
            {
                return bytes.Slice(pos, (int)size).TrimEnd((byte)0).SequenceEqual("webm"u8);
            }
            pos += (int)size;
        }
        return false;
    }

    /// <summary>An EBML variable-length integer at <paramref name="pos"/> (advanced past it), or null when it is invalid or cut off.</summary>
    private static ulong? ReadVint(ReadOnlySpan<byte> bytes, ref int pos, bool keepMarker)
    {
        if (pos >= bytes.Length || bytes[pos] == 0)
        {
            return null;
        }
        var length = System.Numerics.BitOperations.LeadingZeroCount((uint)bytes[pos]) - 24 + 1;
        if (length > bytes.Length - pos)
        {
            return null;
        }
        ulong value = keepMarker ? bytes[pos] : (ulong)(bytes[pos] & (0xFF >> length));
        for (var i = 1; i < length; i++)
        {
            value = (value << 8) | bytes[pos + i];
        }
        pos += length;
        return value;
    }

    /// <summary>DOCX, XLSX or PPTX: a ZIP with [Content_Types].xml and the part that names the kind; macro projects are refused.</summary>
    private static SniffedType? OfficeOpenXml(ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes.ToArray(), writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (!names.Contains("[Content_Types].xml") || names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }
            return names.Contains("word/document.xml") ? Docx
                : names.Contains("xl/workbook.xml") ? Xlsx
                : names.Contains("ppt/presentation.xml") ? Pptx
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// UTF-8 (with or without BOM) without NUL or other control characters except tab, CR, LF and form feed, and not
    /// starting like markup: an HTML or SVG file is not "text" here, whatever its name says.
    /// </summary>
    public static bool IsPlainText(ReadOnlySpan<byte> bytes)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\r' or '\n' or '\f'))
            {
                return false;
            }
        }
        var start = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n', '\f');
        return !start.StartsWith('<');
    }
}
