using Nooks.Tools;

namespace Nooks.HostTests;

public class RedZoneCheckTests
{
    private const ulong CodeAddress = 0x101000;

    // mov [rsp-8], rax ; ret
    private static readonly byte[] StoresBelowStackPointer = [0x48, 0x89, 0x44, 0x24, 0xF8, 0xC3];

    // push rbp ; mov [rsp+8], rax ; mov rax, [rsp] ; lea rax, [rsp+rcx-8] ; pop rbp ; ret
    private static readonly byte[] StaysAboveStackPointer =
        [0x55, 0x48, 0x89, 0x44, 0x24, 0x08, 0x48, 0x8B, 0x04, 0x24, 0x48, 0x8D, 0x44, 0x0C, 0xF8, 0x5D, 0xC3];

    // sub rsp, 8 ; lea rax, [rsp-16] ; add rsp, 8 ; ret
    private static readonly byte[] PointsBelowStackPointer = [0x48, 0x83, 0xEC, 0x08, 0x48, 0x8D, 0x44, 0x24, 0xF0, 0x48, 0x83, 0xC4, 0x08, 0xC3];

    [Fact]
    public void StoreBelowRspIsFlagged()
    {
        var finding = Assert.Single(RedZoneCheck.Scan(StoresBelowStackPointer, CodeAddress, "leaf"));
        Assert.Equal(CodeAddress, finding.Address);
        Assert.Equal("leaf", finding.Function);
        Assert.Contains("rsp-8", finding.Instruction);
    }

    [Fact]
    public void CodeThatStaysAboveRspIsNotFlagged() =>
        Assert.Empty(RedZoneCheck.Scan(StaysAboveStackPointer, CodeAddress, "framed"));

    [Fact]
    public void PointerBelowRspIsFlagged() =>
        Assert.Single(RedZoneCheck.Scan(PointsBelowStackPointer, CodeAddress, "escapes"));
}
