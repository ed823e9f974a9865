using System.Buffers.Binary;
using System.Text;
using Inward.Features.Settings;
using static Inward.Tests.Settings.TestImages;

namespace Inward.Tests.Settings;

public sealed class LogoImageTests
{
    [Fact]
    public void Png_keeps_pixels_and_colour_chunks_and_loses_text_exif_and_trailing_bytes()
    {
        var file = Png(2, 3,
        [
            PngChunk("gAMA", [0, 0, 0xB1, 0x8F]),
            PngChunk("tEXt", [.. "Comment\0secret-note"u8]),
            PngChunk("iTXt", [.. "XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta>secret-xmp"u8]),
            PngChunk("zTXt", [.. "Author\0\0secret-z"u8]),
            PngChunk("eXIf", [.. "MM\0*secret-gps"u8]),
            PngChunk("tIME", [7, 0xE9, 1, 1, 0, 0, 0]),
            PngChunk("tRNS", [0, 0]),
        ], trailer: [.. "<html>secret-trailer</html>"u8]);

        var check = LogoImage.Check(file);

        Assert.True(check.Ok);
        Assert.Equal((".png", 2, 3), (check.Extension, check.Width, check.Height));
        Assert.False(Contains(check.Bytes, "secret"));
        Assert.False(Contains(check.Bytes, "tIME"));
        Assert.Equal(Png(2, 3, [PngChunk("gAMA", [0, 0, 0xB1, 0x8F]), PngChunk("tRNS", [0, 0])]), check.Bytes);
    }

    [Fact]
    public void Png_without_metadata_comes_back_byte_for_byte()
    {
        var file = Png(16, 16);

        Assert.Equal(file, LogoImage.Check(file).Bytes);
    }

    [Theory]
    [InlineData(4096u, 4096u, LogoProblem.None)]
    [InlineData(4097u, 10u, LogoProblem.TooManyPixels)]
    [InlineData(10u, 4097u, LogoProblem.TooManyPixels)]
    [InlineData(100000u, 100000u, LogoProblem.TooManyPixels)]
    [InlineData(0u, 10u, LogoProblem.Malformed)]
    public void Png_size_comes_from_the_header(uint width, uint height, LogoProblem expected) =>
        Assert.Equal(expected, LogoImage.Check(Png(width, height)).Problem);

    [Fact]
    public void Png_that_does_not_start_with_IHDR_or_stops_early_is_refused()
    {
        byte[] noIhdr = [.. PngSignature, .. PngChunk("IDAT", [1, 2, 3]), .. PngChunk("IEND", [])];
        var full = Png();
        var truncated = full[..^6];
        var lying = full.ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(lying.AsSpan(PngSignature.Length + 25), 0x7FFFFFF0); // IDAT length beyond the end

        Assert.Equal(LogoProblem.Malformed, LogoImage.Check(noIhdr).Problem);
        Assert.Equal(LogoProblem.Malformed, LogoImage.Check(truncated).Problem);
        Assert.Equal(LogoProblem.Malformed, LogoImage.Check(lying).Problem);
    }

    [Fact]
    public void Jpeg_loses_exif_xmp_and_comments_but_keeps_jfif_tables_and_scan_data()
    {
        var file = Jpeg(640, 480,
        [
            JpegSegment(0xE1, [.. "Exif\0\0secret-gps"u8]),
            JpegSegment(0xE1, [.. "http://ns.adobe.com/xap/1.0/\0secret-xmp"u8]),
            JpegSegment(0xED, [.. "Photoshop 3.0\0secret-iptc"u8]),
            JpegSegment(0xFE, [.. "secret-comment"u8]),
        ], trailer: [.. "secret-trailer"u8]);

        var check = LogoImage.Check(file);

        Assert.True(check.Ok);
        Assert.Equal((".jpg", 640, 480), (check.Extension, check.Width, check.Height));
        Assert.False(Contains(check.Bytes, "secret"));
        Assert.Equal(Jpeg(640, 480), check.Bytes);
    }

    [Theory]
    [InlineData(4096, 4096, LogoProblem.None)]
    [InlineData(4097, 1, LogoProblem.TooManyPixels)]
    [InlineData(1, 65535, LogoProblem.TooManyPixels)]
    [InlineData(10, 0, LogoProblem.Malformed)]
    public void Jpeg_size_comes_from_the_frame_header(int width, int height, LogoProblem expected) =>
        Assert.Equal(expected, LogoImage.Check(Jpeg((ushort)width, (ushort)height)).Problem);

    [Fact]
    public void Jpeg_without_a_frame_or_an_end_is_refused()
    {
        byte[] noFrame = [0xFF, 0xD8, .. JpegSegment(0xDA, [1, 1, 0, 0, 63, 0]), 0x12, 0xFF, 0xD9];
        var noEnd = Jpeg()[..^2];

        Assert.Equal(LogoProblem.Malformed, LogoImage.Check(noFrame).Problem);
        Assert.Equal(LogoProblem.Malformed, LogoImage.Check(noEnd).Problem);
    }

    [Fact]
    public void WebP_loses_exif_and_xmp_chunks_and_its_flags_and_size_are_fixed()
    {
        const byte alpha = 0x10, exif = 0x08, xmp = 0x04;
        var file = WebP(Vp8X(alpha | exif | xmp, 300, 200), Vp8L(300, 200), WebPChunk("EXIF", [.. "MM\0*secret-gps"u8]), WebPChunk("XMP ", [.. "<x>secret-xmp</x>"u8]));

        var check = LogoImage.Check(file);

        Assert.True(check.Ok);
        Assert.Equal((".webp", 300, 200), (check.Extension, check.Width, check.Height));
        Assert.False(Contains(check.Bytes, "secret"));
        Assert.Equal(WebP(Vp8X(alpha, 300, 200), Vp8L(300, 200)), check.Bytes);
        Assert.Equal((uint)(check.Bytes.Length - 8), BinaryPrimitives.ReadUInt32LittleEndian(check.Bytes.AsSpan(4)));
    }

    [Fact]
    public void WebP_lossy_size_is_read_from_the_vp8_frame()
    {
        var data = new byte[10] { 0, 0, 0, 0x9D, 0x01, 0x2A, 0, 0, 0, 0 };
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(6), 5000);
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(8), 20);
        var big = WebP(WebPChunk("VP8 ", data));
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(6), 50);
        var small = WebP(WebPChunk("VP8 ", data));

        Assert.Equal(LogoProblem.TooManyPixels, LogoImage.Check(big).Problem);
        Assert.Equal((50, 20), (LogoImage.Check(small).Width, LogoImage.Check(small).Height));
    }

    [Fact]
    public void WebP_canvas_larger_than_4096_is_refused_and_a_file_without_image_data_too()
    {
        Assert.Equal(LogoProblem.TooManyPixels, LogoImage.Check(WebP(Vp8X(0, 5000, 10), Vp8L(10, 10))).Problem);
        Assert.Equal(LogoProblem.Malformed, LogoImage.Check(WebP(Vp8X(0, 10, 10))).Problem);
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("<!DOCTYPE html><html><script>alert(1)</script></html>")]
    [InlineData("GIF89a")]
    [InlineData("%PDF-1.7")]
    public void Anything_but_png_jpeg_and_webp_is_refused(string content) =>
        Assert.Equal(LogoProblem.NotAnImage, LogoImage.Check(Encoding.UTF8.GetBytes(content)).Problem);

    [Fact]
    public void Empty_and_oversized_files_are_refused_before_parsing()
    {
        Assert.Equal(LogoProblem.Empty, LogoImage.Check([]).Problem);
        var huge = Png(extraChunks: [PngChunk("IDAT", new byte[LogoImage.MaxBytes])]);
        Assert.Equal(LogoProblem.TooLarge, LogoImage.Check(huge).Problem);
    }
}
