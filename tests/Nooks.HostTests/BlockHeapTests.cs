using System.Runtime;
using System.Runtime.InteropServices;

namespace Nooks.HostTests;

// The user programs' and extensions' heap (kernel/corelib/Runtime/BlockHeap.cs), compiled here.
public unsafe class BlockHeapTests
{
    private static void* Grow(ulong bytes) => NativeMemory.AllocZeroed((nuint)bytes);

    [Fact]
    public void FreedLargeBlocksAreNotHandedOutForLargerRequests()
    {
        var heap = new BlockHeap();
        byte* a = (byte*)heap.Allocate(4096, &Grow);
        byte* b = (byte*)heap.Allocate(4096, &Grow);
        Assert.Equal(BlockHeap.FreeResult.Freed, heap.Free(a));
        Assert.Equal(BlockHeap.FreeResult.Freed, heap.Free(b));
        byte* big = (byte*)heap.Allocate(32 * 1024, &Grow);
        Assert.True(big != a && big != b, "a 32 KiB request got a freed 4 KiB block");
        Assert.True(heap.Allocate(4096, &Grow) is var c && (c == a || c == b), "a freed block of the right size is reused");
    }

    [Fact]
    public void SmallBlocksAreReusedAndDoubleFreesCaught()
    {
        var heap = new BlockHeap();
        void* x = heap.Allocate(40, &Grow);
        Assert.Equal(BlockHeap.FreeResult.Freed, heap.Free(x));
        Assert.Equal(BlockHeap.FreeResult.AlreadyFree, heap.Free(x));
        Assert.True(heap.Allocate(40, &Grow) == x);
    }
}
