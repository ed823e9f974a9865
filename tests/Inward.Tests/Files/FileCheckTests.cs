using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Inward.Platform.Files;
using Inward.Platform.Text;
using Inward.Tests.Settings;

namespace Inward.Tests.Files;

/// <summary>The pure upload checks: sniffing by bytes, names and browser types as hints only, limits, durations, safe names.</summary>
public sealed class FileCheckTests
{
    private const long Limit = 1024 * 1024;

    public static byte[] Gif => [.. "GIF89a"u8.ToArray(), 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0, 0x3B];
    public static byte[] Pdf => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
    public static byte[] Html => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");
    public static byte[] Exe => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];
    public static byte[] Svg => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"></svg>");

    public static byte[] Office(string part, bool macros = false)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", part }.Concat(macros ? ["word/vbaProject.bin"] : []))
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write("<x/>");
            }
        }
        return buffer.ToArray();
    }

    public static byte[] M4a(uint timescale, uint duration)
    {
        var mvhd = new byte[8 + 100];
        BinaryPrimitives.WriteUInt32BigEndian(mvhd, (uint)mvhd.Length);
        "mvhd"u8.CopyTo(mvhd.AsSpan(4));
        BinaryPrimitives.WriteUInt32BigEndian(mvhd.AsSpan(8 + 12), timescale);
        BinaryPrimitives.WriteUInt32BigEndian(mvhd.AsSpan(8 + 16), duration);
        var moov = new byte[8 + mvhd.Length];
        BinaryPrimitives.WriteUInt32BigEndian(moov, (uint)moov.Length);
        "moov"u8.CopyTo(moov.AsSpan(4));
        mvhd.CopyTo(moov.AsSpan(8));
        byte[] ftyp = [0, 0, 0, 20, .. "ftypM4A "u8.ToArray(), 0, 0, 0, 0, .. "isom"u8.ToArray()];
        return [.. ftyp, .. moov];
    }

    public static byte[] OggVorbis(uint rate, long lastGranule)
    {
        static byte[] Page(byte[] packet, long granule, byte type)
        {
            var page = new byte[27 + 1 + packet.Length];
            "OggS"u8.CopyTo(page);
            page[5] = type;
            BinaryPrimitives.WriteInt64LittleEndian(page.AsSpan(6), granule);
            page[26] = 1;
            page[27] = (byte)packet.Length;
            packet.CopyTo(page.AsSpan(28));
            return page;
        }
        var id = new byte[30];
        id[0] = 1;
        "vorbis"u8.CopyTo(id.AsSpan(1));
        id[11] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(id.AsSpan(12), rate);
        return [.. Page(id, 0, 2), .. Page(new byte[10], lastGranule, 4)];
    }

    [Fact]
    public void Each_allowed_type_is_recognised_by_its_bytes()
    {
        Assert.Same(FileSniffer.Png, FileSniffer.Sniff(TestImages.Png()));
        Assert.Same(FileSniffer.Gif, FileSniffer.Sniff(Gif));
        Assert.Same(FileSniffer.Pdf, FileSniffer.Sniff(Pdf));
        Assert.Same(FileSniffer.Docx, FileSniffer.Sniff(Office("word/document.xml")));
        Assert.Same(FileSniffer.Xlsx, FileSniffer.Sniff(Office("xl/workbook.xml")));
        Assert.Same(FileSniffer.Pptx, FileSniffer.Sniff(Office("ppt/presentation.xml")));
        Assert.Same(FileSniffer.Text, FileSniffer.Sniff("Hello, team.\nLine two."u8, "notes.txt"));
        Assert.Same(FileSniffer.Csv, FileSniffer.Sniff("a,b\n1,2\n"u8, "data.csv"));
        Assert.Same(FileSniffer.Mp3, FileSniffer.Sniff(AudioDuration.SilentMp3(1)));
        Assert.Same(FileSniffer.M4a, FileSniffer.Sniff(M4a(1000, 5000)));
        Assert.Same(FileSniffer.Ogg, FileSniffer.Sniff(OggVorbis(44100, 44100)));
    }

    [Fact]
    public void Html_svg_executables_and_macro_documents_are_not_recognised()
    {
        Assert.Null(FileSniffer.Sniff(Html, "page.txt"));
        Assert.Null(FileSniffer.Sniff(Svg, "logo.png"));
        Assert.Null(FileSniffer.Sniff(Exe, "song.mp3"));
        Assert.Null(FileSniffer.Sniff(Office("word/document.xml", macros: true)));
        Assert.Null(FileSniffer.Sniff([0x00, 0x01, 0x02, 0x03]));
        Assert.Null(FileSniffer.Sniff([]));
    }

    [Theory]
    [InlineData("photo.png", FileUse.Image, "This kind of file is not accepted here. Allowed: {0}.")]
    [InlineData("song.mp3", FileUse.Audio, "This kind of file is not accepted here. Allowed: {0}.")]
    [InlineData("notes.txt", FileUse.Document, "This kind of file is not accepted here. Allowed: {0}.")]
    public void A_disguised_html_file_is_refused_whatever_its_name(string name, FileUse use, string message)
    {
        var result = FileStore.Check(Html, name, "image/png", use, Limit);
        Assert.Equal(message, result.Error?.Message);
        Assert.Empty(result.Bytes);
    }

    [Fact]
    public void An_executable_renamed_mp3_is_refused()
    {
        var result = FileStore.Check(Exe, "episode.mp3", "audio/mpeg", FileUse.Audio, Limit);
        Assert.Equal("This kind of file is not accepted here. Allowed: {0}.", result.Error?.Message);
        Assert.Equal("mp3, m4a, ogg", result.Error?.Arguments[0]);
    }

    [Fact]
    public void A_real_type_of_another_use_is_refused_with_its_name()
    {
        var result = FileStore.Check(Pdf, "report.pdf", "application/pdf", FileUse.Image, Limit);
        Assert.Equal("A {0} file is not accepted here. Allowed: {1}.", result.Error?.Message);
        Assert.Equal(["PDF", "png, jpg, gif, webp"], result.Error!.Arguments);
    }

    [Fact]
    public void Empty_and_oversized_files_are_refused()
    {
        Assert.Equal("The file is empty.", FileStore.Check([], "a.png", null, FileUse.Image, Limit).Error?.Message);
        var big = TestImages.Png(extraChunks: [TestImages.PngChunk("tEXt", new byte[2000])]);
        var result = FileStore.Check(big, "a.png", null, FileUse.Image, 1000);
        Assert.Equal("The file is too large: at most {0}.", result.Error?.Message);
    }

    [Fact]
    public void A_name_or_browser_type_that_contradicts_the_bytes_is_refused()
    {
        var png = TestImages.Png();
        Assert.Equal("The file's name ends in {0} but its content is a {1} file. Rename it or choose the right file.",
            FileStore.Check(png, "photo.gif", "image/png", FileUse.Image, Limit).Error?.Message);
        Assert.Equal("The browser says this file is {0} but its content is a {1} file.",
            FileStore.Check(png, "photo.png", "text/html", FileUse.Image, Limit).Error?.Message);
        Assert.Null(FileStore.Check(png, "photo.png", "application/octet-stream", FileUse.Image, Limit).Error);
        Assert.Null(FileStore.Check(png, "photo", null, FileUse.Image, Limit).Error);
    }

    [Fact]
    public void Image_metadata_is_stripped_and_huge_images_are_refused()
    {
        var withText = TestImages.Png(extraChunks: [TestImages.PngChunk("tEXt", Encoding.ASCII.GetBytes("Author\0Someone"))]);
        var result = FileStore.Check(withText, "a.png", "image/png", FileUse.Image, Limit);
        Assert.Null(result.Error);
        Assert.True(result.Bytes.Length < withText.Length);
        Assert.Equal("The image is too large: at most {0} pixels a side.",
            FileStore.Check(TestImages.Png(50_000, 50_000), "bomb.png", null, FileUse.Image, Limit).Error?.Message);
    }

    [Theory]
    [InlineData("../../etc/passwd.png", ".png", "passwd.png")]
    [InlineData("..\\..\\windows\\win.ini.png", ".png", "win.ini.png")]
    [InlineData("<script>alert(1)</script>.png", ".png", "script.png")]
    [InlineData("report.exe", ".pdf", "report.pdf")]
    [InlineData("...", ".pdf", "file.pdf")]
    [InlineData("", ".mp3", "file.mp3")]
    [InlineData("bad\r\nname\u202Egnp.pdf", ".pdf", "badnamegnp.pdf")]
    public void File_names_are_made_safe(string original, string extension, string expected) =>
        Assert.Equal(expected, FileStore.SafeName(original, extension));

    [Fact]
    public void A_path_traversal_name_is_kept_only_as_its_last_segment()
    {
        var result = FileStore.Check(TestImages.Png(), "../../../../wwwroot/index.png", "image/png", FileUse.Image, Limit);
        Assert.Null(result.Error);
        Assert.Equal("index.png", result.Name);
    }

    [Fact]
    public void Durations_are_read_from_mp3_m4a_and_ogg()
    {
        var mp3 = FileStore.Check(AudioDuration.SilentMp3(10), "a.mp3", "audio/mpeg", FileUse.Audio, 10 * Limit);
        Assert.Null(mp3.Error);
        Assert.InRange(mp3.Duration!.Value.TotalSeconds, 9.9, 10.1);
        Assert.Equal(5, AudioDuration.Read(M4a(1000, 5000), FileSniffer.M4a)!.Value.TotalSeconds);
        Assert.Equal(3, AudioDuration.Read(OggVorbis(44100, 3 * 44100), FileSniffer.Ogg)!.Value.TotalSeconds);
    }

    [Fact]
    public void Audio_whose_length_cannot_be_read_is_refused()
    {
        byte[] ftypOnly = [0, 0, 0, 20, .. "ftypM4A "u8.ToArray(), 0, 0, 0, 0, .. "isom"u8.ToArray()];
        Assert.Equal("The audio file is damaged or its length cannot be read.",
            FileStore.Check(ftypOnly, "a.m4a", "audio/mp4", FileUse.Audio, Limit).Error?.Message);
    }

    [Fact]
    public void Markdown_keeps_only_images_from_the_file_store()
    {
        var id = Guid.NewGuid();
        var local = SafeMarkdown.ToHtml($"![chart](/files/{id})");
        Assert.Contains($"src=\"/files/{id}\"", local, StringComparison.Ordinal);
        Assert.Contains($"href=\"/files/{id}\"", SafeMarkdown.ToHtml($"[report.pdf](/files/{id})"), StringComparison.Ordinal);

        Assert.DoesNotContain("<img", SafeMarkdown.ToHtml("![x](https://tracker.example/pixel.gif)"), StringComparison.Ordinal);
        Assert.DoesNotContain("<img", SafeMarkdown.ToHtml("![x](javascript:alert(1))"), StringComparison.Ordinal);
        Assert.DoesNotContain("<img", SafeMarkdown.ToHtml($"![x](/files/{id}/../../admin)"), StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", SafeMarkdown.ToHtml("[x](javascript:alert(1))"), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", SafeMarkdown.ToHtml("<img src=x onerror=alert(1)><script>alert(1)</script>"), StringComparison.Ordinal);
    }
}
