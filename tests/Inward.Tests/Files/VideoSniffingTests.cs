using System.Buffers.Binary;
using System.Text;
using Inward.Platform.Files;

namespace Inward.Tests.Files;

/// <summary>Video sniffing: MP4 (an ISO BMFF file with a video track) and WebM, told apart from M4A audio and from disguised files.</summary>
public sealed class VideoSniffingTests
{
    private const long Limit = 1024 * 1024;

    public static byte[] Box(string type, params byte[][] children)
    {
        var payload = children.SelectMany(c => c).ToArray();
        var box = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(box, 4);
        payload.CopyTo(box, 8);
        return box;
    }

    /// <summary>ftyp, then moov with a movie header and one track per handler ("vide", "soun"), then some media data.</summary>
    public static byte[] Mp4(string brand, params string[] handlers)
    {
        var mvhd = new byte[100];
        BinaryPrimitives.WriteUInt32BigEndian(mvhd.AsSpan(12), 1000);
        BinaryPrimitives.WriteUInt32BigEndian(mvhd.AsSpan(16), 4000);
        var tracks = handlers.Select(h =>
            Box("trak", Box("tkhd", new byte[84]), Box("mdia", Box("mdhd", new byte[24]), Box("hdlr", [0, 0, 0, 0, 0, 0, 0, 0, .. Encoding.ASCII.GetBytes(h), .. new byte[13]]))));
        return [.. Box("ftyp", [.. Encoding.ASCII.GetBytes(brand), 0, 0, 2, 0, .. "isomiso2mp41"u8.ToArray()]),
            .. Box("moov", [Box("mvhd", mvhd), .. tracks]), .. Box("mdat", new byte[64])];
    }

    /// <summary>An EBML header with the given DocType, then the start of a segment.</summary>
    public static byte[] Ebml(string docType)
    {
        byte[] Element(byte[] id, byte[] value) => [.. id, (byte)(0x80 | value.Length), .. value];
        byte[] header = [.. Element([0x42, 0x86], [1]), .. Element([0x42, 0xF7], [1]), .. Element([0x42, 0x82], Encoding.ASCII.GetBytes(docType)),
            .. Element([0x42, 0x87], [4]), .. Element([0x42, 0x85], [2])];
        return [0x1A, 0x45, 0xDF, 0xA3, (byte)(0x80 | header.Length), .. header, 0x18, 0x53, 0x80, 0x67, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];
    }

    [Fact]
    public void An_mp4_with_a_video_track_is_video_whatever_its_generic_brand()
    {
        Assert.Same(FileSniffer.Mp4, FileSniffer.Sniff(Mp4("isom", "soun", "vide")));
        Assert.Same(FileSniffer.Mp4, FileSniffer.Sniff(Mp4("mp42", "vide")));
        Assert.Same(FileSniffer.Mp4, FileSniffer.Sniff(Mp4("avc1", "vide")));
        var check = FileStore.Check(Mp4("isom", "vide", "soun"), "welcome.mp4", "video/mp4", FileUse.Video, Limit);
        Assert.Null(check.Error);
        Assert.Equal("welcome.mp4", check.Name);
        Assert.Equal("video/mp4", check.Type!.ContentType);
    }

    [Fact]
    public void An_mp4_with_audio_only_stays_m4a_audio()
    {
        Assert.Same(FileSniffer.M4a, FileSniffer.Sniff(Mp4("isom", "soun")));
        Assert.Same(FileSniffer.M4a, FileSniffer.Sniff(Mp4("M4A ", "soun")));
        Assert.Same(FileSniffer.M4a, FileSniffer.Sniff(FileCheckTests.M4a(1000, 5000)));
        // A video brand without a video track is neither.
        Assert.Null(FileSniffer.Sniff(Mp4("avc1", "soun")));
        var audio = FileStore.Check(Mp4("isom", "soun"), "talk.mp4", "video/mp4", FileUse.Audio, Limit);
        Assert.Null(audio.Error);
        Assert.Equal(4, audio.Duration!.Value.TotalSeconds);
        Assert.Equal("A {0} file is not accepted here. Allowed: {1}.",
            FileStore.Check(Mp4("isom", "soun"), "talk.m4a", "audio/mp4", FileUse.Video, Limit).Error?.Message);
    }

    [Fact]
    public void Webm_is_video_and_other_matroska_is_not()
    {
        Assert.Same(FileSniffer.WebM, FileSniffer.Sniff(Ebml("webm")));
        Assert.Null(FileSniffer.Sniff(Ebml("matroska")));
        Assert.Null(FileStore.Check(Ebml("webm"), "clip.webm", "video/webm", FileUse.Video, Limit).Error);
    }

    [Fact]
    public void Truncated_or_garbage_boxes_and_elements_are_not_recognised_and_never_throw()
    {
        var video = Mp4("isom", "vide");
        for (var cut = 1; cut < video.Length; cut++)
        {
            // Until the whole moov box is there no video track is seen: a generic brand is then audio (refused later for its
            // unreadable length); once moov is whole (only the 72-byte mdat is cut) the video track counts.
            var expected = cut >= video.Length - 72 ? FileSniffer.Mp4 : cut >= 12 ? FileSniffer.M4a : null;
            Assert.Same(expected, FileSniffer.Sniff(video.AsSpan(0, cut)));
        }
        byte[] hugeBox = [0, 0, 0, 20, .. "ftypisom"u8.ToArray(), 0, 0, 0, 0, .. "isom"u8.ToArray(), 0x7F, 0xFF, 0xFF, 0xFF, .. "moov"u8.ToArray(), 1, 2, 3];
        Assert.False(FileSniffer.HasVideoTrack(hugeBox));
        byte[] largeSize = [0, 0, 0, 20, .. "ftypisom"u8.ToArray(), 0, 0, 0, 0, .. "isom"u8.ToArray(), 0, 0, 0, 1, .. "moov"u8.ToArray(), 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];
        Assert.False(FileSniffer.HasVideoTrack(largeSize));
        byte[] tinySize = [0, 0, 0, 20, .. "ftypisom"u8.ToArray(), 0, 0, 0, 0, .. "isom"u8.ToArray(), 0, 0, 0, 3, .. "moov"u8.ToArray()];
        Assert.False(FileSniffer.HasVideoTrack(tinySize));
        // A hdlr box too short to hold a handler type.
        byte[] shortHdlr = [.. Box("ftyp", [.. "isom"u8.ToArray(), 0, 0, 0, 0]), .. Box("moov", Box("trak", Box("mdia", Box("hdlr", [0, 0, 0, 0, 0, 0, 0, 0, 0x76]))))];
        Assert.False(FileSniffer.HasVideoTrack(shortHdlr));
        Assert.Same(FileSniffer.M4a, FileSniffer.Sniff(shortHdlr));
        var webm = Ebml("webm");
        // Cut before the DocType's value ends (byte 20), nothing says "webm".
        for (var cut = 4; cut < 20; cut++)
        {
            Assert.Null(FileSniffer.Sniff(webm.AsSpan(0, cut)));
        }
        Assert.Null(FileSniffer.Sniff([0x1A, 0x45, 0xDF, 0xA3, 0x00, 0x42, 0x82]));
        Assert.Null(FileSniffer.Sniff([0x1A, 0x45, 0xDF, 0xA3, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x42, 0x82, 0x88, (byte)'w']));
    }

    [Fact]
    public void Disguised_files_named_as_video_are_refused()
    {
        Assert.Null(FileSniffer.Sniff(FileCheckTests.Html, "clip.mp4"));
        Assert.Equal("This kind of file is not accepted here. Allowed: {0}.",
            FileStore.Check(FileCheckTests.Html, "clip.mp4", "video/mp4", FileUse.Video, Limit).Error?.Message);
        Assert.Equal("This kind of file is not accepted here. Allowed: {0}.",
            FileStore.Check(FileCheckTests.Html, "clip.webm", "video/webm", FileUse.Video, Limit).Error?.Message);
        Assert.Equal("The file's name ends in {0} but its content is a {1} file. Rename it or choose the right file.",
            FileStore.Check(Mp4("isom", "vide"), "clip.webm", "video/webm", FileUse.Video, Limit).Error?.Message);
        Assert.Equal("The browser says this file is {0} but its content is a {1} file.",
            FileStore.Check(Ebml("webm"), "clip.webm", "text/html", FileUse.Video, Limit).Error?.Message);
    }

    [Fact]
    public void The_video_limit_is_configurable_but_never_above_the_hard_limit()
    {
        Assert.Equal(200L * 1024 * 1024, new Inward.Platform.Files.FileOptions().MaxBytes(FileUse.Video));
        Assert.Equal(FileStore.HardFileLimit, new Inward.Platform.Files.FileOptions { MaxVideoBytes = long.MaxValue }.MaxBytes(FileUse.Video));
        Assert.Equal(1000, new Inward.Platform.Files.FileOptions { MaxVideoBytes = 1000 }.MaxBytes(FileUse.Video));
        Assert.Equal("The file is too large: at most {0}.", FileStore.Check(Mp4("isom", "vide"), "a.mp4", "video/mp4", FileUse.Video, 100).Error?.Message);
    }
}
