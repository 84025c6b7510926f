; Kernel thread context switch. Only what the System V ABI says a callee keeps needs saving
; (rbx, rbp, r12-r15, rsp); the rest is dead at a call. NativeAOT code keeps live values in
; xmm registers across the interrupt that led here, so the SSE/x87 state travels too.
; Interrupts are off throughout (the scheduler calls this under its lock). No red zone use.
bits 64
section .text

global k_switch_context, k_thread_start_address, k_boot_stack_top
extern boot_stack_top

; k_switch_context(ulong* saveRsp, ulong loadRsp, void* saveFx, void* loadFx)
k_switch_context:
    push rbp
    push rbx
    push r12
    push r13
    push r14
    push r15
    fxsave64 [rdx]
    mov [rdi], rsp
    mov rsp, rsi
    fxrstor64 [rcx]
    pop r15
    pop r14
    pop r13
    pop r12
    pop rbx
    pop rbp
    ret

; First code of a new thread, reached by k_switch_context's ret. The thread's initial stack
; holds r12 = entry, r13 = argument, r14 = the managed start routine (entry, argument).
k_thread_start:
    mov rdi, r12
    mov rsi, r13
    call r14
    ud2                         ; the start routine ends in Scheduler.Exit and never returns

k_thread_start_address:
    lea rax, [rel k_thread_start]
    ret

k_boot_stack_top:
    lea rax, [rel boot_stack_top]
    ret
