package io.camelvideo.legnext;

/** What a {@code legnext:<operation>} endpoint does: create one kind of job, query a job, or read the balance. */
public enum LegnextOperation {
    /** Imagine: four images from a prompt ({@code text}). */
    diffusion("diffusion", Output.IMAGES, "text"),
    /** Four variations of one image ({@code jobId}, {@code imageNo}, {@code type}). */
    variation("variation", Output.IMAGES, "remixPrompt"),
    /** One image enlarged ({@code jobId}, {@code imageNo}, {@code type}). */
    upscale("upscale", Output.IMAGE, null),
    /** The same prompt again ({@code jobId}). */
    reroll("reroll", Output.IMAGES, null),
    /** Two to five images blended ({@code imgUrls}, {@code aspectRatio}). */
    blend("blend", Output.IMAGES, null),
    /** Prompts that describe an image ({@code imgUrl}). */
    describe("describe", Output.TEXT, "imgUrl"),
    /** A shorter prompt ({@code prompt}). */
    shorten("shorten", Output.TEXT, "prompt"),
    /** The canvas extended in one direction ({@code jobId}, {@code imageNo}, {@code direction}, {@code scale}). */
    pan("pan", Output.IMAGES, "remixPrompt"),
    /** Zoom out ({@code jobId}, {@code imageNo}, {@code scale}). */
    outpaint("outpaint", Output.IMAGES, "remixPrompt"),
    /** Repaint a masked region ({@code jobId}, {@code imageNo}, {@code mask}). */
    inpaint("inpaint", Output.IMAGES, "remixPrompt"),
    /** Re-imagine with a new prompt ({@code jobId}, {@code imageNo}, {@code remixPrompt}). */
    remix("remix", Output.IMAGES, "remixPrompt"),
    /** A video from an image ({@code jobId} + {@code imageNo}, or a {@code prompt} starting with an image URL). */
    videoDiffusion("video-diffusion", Output.VIDEOS, "prompt"),
    /** A video made 4 s longer ({@code jobId} of a video job, {@code videoNo}). */
    extendVideo("extend-video", Output.VIDEOS, "prompt"),
    /** A video in higher resolution ({@code jobId} of a video job, {@code videoNo}). */
    videoUpscale("video-upscale", Output.VIDEOS, null),
    /** Four images with a new texture or material ({@code imgUrl}, {@code remixPrompt}). */
    retexture("retexture", Output.IMAGES, "remixPrompt"),
    /** One cut-out image with a transparent background ({@code imgUrl}). */
    removeBackground("remove-background", Output.IMAGE, "imgUrl"),
    /** Four images refined from a {@code --v 7 --draft} job image ({@code jobId}, {@code imageNo}). */
    enhance("enhance", Output.IMAGES, null),
    /** One image upscaled up to 12K by Topaz: an image URL ({@code imgUrl}, sent as {@code image_url}) or a job image. */
    enhanceUpscale("enhance-upscale", Output.IMAGE, null),
    /** A job image placed on a new canvas, the rest generated ({@code jobId}, {@code imageNo}, {@code canvas}, {@code imgPos}). */
    edit("edit", Output.IMAGES, "remixPrompt"),
    /** Like edit, from any image URL and with a mask ({@code imgUrl}, {@code canvas}, {@code imgPos}, {@code mask}). */
    uploadPaint("upload-paint", Output.IMAGES, "remixPrompt"),
    /** Query the job named by header {@code CamelLegnextJobId}. */
    job(null, null, null),
    /** Read the account's points and balance. */
    balance(null, null, null),
    /** Read the account (plan, concurrency limit, wallet); its API keys are left out of the reply. */
    accountInfo(null, null, null),
    /** Read the account's unfinished jobs (the shape is the contract's guess: parsed leniently). */
    activeTasks(null, null, null);

    /** What a job of the operation produces. */
    public enum Output { IMAGES, IMAGE, TEXT, VIDEOS }

    private final String path;
    private final Output output;
    private final String textField;

    LegnextOperation(String path, Output output, String textField) {
        this.path = path;
        this.output = output;
        this.textField = textField;
    }

    /** The submit path below {@code /api/v1/}, or null for job and balance. */
    public String path() {
        return path;
    }

    public Output output() {
        return output;
    }

    /** Whether the operation creates a job. */
    public boolean createsJob() {
        return path != null;
    }

    /** The field a String body sets (the prompt of the operation), or null. */
    public String textField() {
        return textField;
    }
}
