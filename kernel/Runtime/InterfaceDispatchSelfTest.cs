using System.Runtime.CompilerServices;
using Nooks.Kernel.Console;

namespace Nooks.Kernel.Runtime
{
    // Exercises every way an interface call is resolved (vtable slot, sealed slot, override in a
    // derived class, default interface method, generic interface) and the casts to interfaces
    // and classes, at boot, so a core library change that breaks one stops the kernel at once
    // with the case named instead of misbehaving later in a driver.
    public static class InterfaceDispatchSelfTest
    {
        private interface IShape
        {
            int Sides();
            int Code() => 100 + Sides();
        }

        private interface IBox<T>
        {
            T Get();
        }

        // Implementations of a sealed class's interface methods live in its sealed slots.
        private sealed class Triangle : IShape
        {
            public int Sides() => 3;
        }

        // A virtual implementation: the interface slot maps to a vtable slot.
        private class Square : IShape
        {
            public virtual int Sides() => 4;
        }

        // Inherits the interface from Square and overrides the method behind it.
        private class Cube : Square
        {
            public override int Sides() => 6;
        }

        // A non-virtual implementation (final, so a sealed slot) that also replaces the default.
        private class Pentagon : IShape
        {
            public int Sides() => 5;
            int IShape.Code() => 55;
        }

        private sealed class NumberBox : IBox<int>
        {
            public int Get() => 42;
        }

        private sealed class TextBox : IBox<string>
        {
            public string Get() => "box";
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int SidesOf(IShape shape) => shape.Sides();

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int CodeOf(IShape shape) => shape.Code();

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static T Unbox<T>(IBox<T> box) => box.Get();

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static object Opaque(object value) => value;

        public static void Run()
        {
            CheckShape(new Triangle(), "Triangle (sealed slot)", 3, 103);
            CheckShape(new Square(), "Square (vtable slot)", 4, 104);
            CheckShape(new Cube(), "Cube (derived override)", 6, 106);
            CheckShape(new Pentagon(), "Pentagon (final method, own Code)", 5, 55);

            if (Unbox(new NumberBox()) != 42) Fail("IBox<int>.Get() on NumberBox");
            if (Unbox(new TextBox()) != "box") Fail("IBox<string>.Get() on TextBox");

            CheckCasts();
            Log.Info("corelib", "interface dispatch self-test passed");
        }

        private static void CheckShape(IShape shape, string name, int sides, int code)
        {
            int got = SidesOf(shape);
            if (got != sides) Fail($"{name}: Sides() returned {got}, expected {sides}");
            got = CodeOf(shape);
            if (got != code) Fail($"{name}: Code() (default interface method) returned {got}, expected {code}");
        }

        private static void CheckCasts()
        {
            object cube = Opaque(new Cube());
            object triangle = Opaque(new Triangle());
            object text = Opaque("text");
            if (!(cube is IShape)) Fail("Cube is IShape returned false");
            if (!(cube is Square)) Fail("Cube is Square (base class) returned false");
            if (cube is Triangle) Fail("Cube is Triangle returned true");
            if (cube is IBox<int>) Fail("Cube is IBox<int> returned true");
            if (text is IShape) Fail("string is IShape returned true");
            if (!(Opaque(new NumberBox()) is IBox<int>)) Fail("NumberBox is IBox<int> returned false");
            if (Opaque(new NumberBox()) is IBox<string>) Fail("NumberBox is IBox<string> returned true");
            if ((triangle as IShape) == null) Fail("Triangle as IShape returned null");
            if ((triangle as Square) != null) Fail("Triangle as Square returned an object");
            if (SidesOf((IShape)cube) != 6) Fail("(IShape)cube dispatched to the wrong method");
            if (((Square)cube).Sides() != 6) Fail("(Square)cube dispatched to the wrong method");
        }

        private static void Fail(string what) => Panic.Halt($"interface dispatch self-test failed: {what}");
    }
}
