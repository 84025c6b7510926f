namespace Nooks.User
{
    // There is no collector: a long-running program gives back the objects it makes per request.
    // Objects in the program image (string literals) are left alone.
    public static class Memory
    {
        public static void Free(object o) => Internal.Runtime.RuntimeMemory.Free(o);
    }
}
